import { Link } from 'react-router';
import type { TocNode } from '../../../shared/api/docs';

type Props = { library: string; nodes: TocNode[]; current: string };

/** The library's table of contents as nested lists of links; the open topic is marked for screen readers. */
export function TocTree({ library, nodes, current }: Props) {
  return (
    <ul className="docs-toc__list">
      {nodes.map((node, index) => (
        <li key={`${node.topicId ?? node.title}-${index}`}>
          {node.topicId ? (
            <Link to={`/docs/read/${library}/${node.topicId}${node.anchor ? `?anchor=${encodeURIComponent(node.anchor)}` : ''}`} aria-current={node.topicId === current && !node.anchor ? 'page' : undefined}>
              {node.title}
            </Link>
          ) : (
            <span>{node.title}</span>
          )}
          {node.children?.length ? <TocTree library={library} nodes={node.children} current={current} /> : null}
        </li>
      ))}
    </ul>
  );
}
