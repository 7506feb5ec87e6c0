/** The components authors may use in entries; the allowlist in src/lib/safe-mdx.ts names the same ones. */
import Quote from './Quote.astro';
import Figure from './Figure.astro';
import DocumentLink from './DocumentLink.astro';
import type { AllowedComponent } from '../../lib/safe-mdx';

/** Passed to every rendered entry as <Content components={contentComponents} />. */
export const contentComponents: Record<AllowedComponent, unknown> = { Quote, Figure, DocumentLink };
