import type { DOCS_METHODS } from '../../../shared/channel-names/docs';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type DocsMethod = (typeof DOCS_METHODS)[number];

/** Bridge handlers of the docs domain: one line each, calling a service. */
export function docsHandlers(_s: Services): { [M in DocsMethod]: Handler<M> } {
  return {};
}
