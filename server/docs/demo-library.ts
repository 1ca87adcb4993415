import type { Manifest, TocNode } from '../../shared/api/docs';
import { chineseDemoLibrary } from './demo-library-zh';
import { addTopic, escape, figure, prng, type DemoLibrary } from './demo-helpers';

/**
 * Deterministic demo documentation: three products, two versions each, with chapters, sections,
 * code blocks, tables, images and cross-links, generated from a seeded PRNG so every machine,
 * test and screenshot sees the same libraries; plus one of them in Simplified Chinese.
 */
const PRODUCTS = [
  { slug: 'northwind-router', name: 'Northwind Router OS', versions: ['7.0', '7.1'], nouns: ['interface', 'VLAN', 'bonding', 'firewall rule', 'route', 'DHCP pool', 'NAT policy', 'BGP neighbor'] },
  { slug: 'contoso-storage', name: 'Contoso Storage Array', versions: ['3.2', '4.0'], nouns: ['volume', 'snapshot', 'replication link', 'storage pool', 'LUN', 'disk group', 'quota', 'iSCSI target'] },
  { slug: 'fabrikam-gateway', name: 'Fabrikam Cloud Gateway', versions: ['2.0', '2.1'], nouns: ['tenant', 'API key', 'certificate', 'load balancer', 'health probe', 'rate limit', 'audit log', 'SSO provider'] },
] as const;

const CHAPTERS = [
  { id: 'getting-started', title: 'Getting started', verbs: ['Planning', 'Understanding', 'Preparing'] },
  { id: 'installation', title: 'Installation', verbs: ['Installing', 'Upgrading', 'Licensing'] },
  { id: 'configuration', title: 'Configuration', verbs: ['Configuring', 'Creating', 'Deleting', 'Modifying'] },
  { id: 'troubleshooting', title: 'Troubleshooting', verbs: ['Troubleshooting', 'Monitoring', 'Recovering'] },
] as const;

const FILLER = (
  'the system applies each change after validation and records it in the event log so operators can audit who changed what ' +
  'before you begin make sure the management network is reachable and that your account has the administrator role ' +
  'changes take effect at once unless the device is in maintenance mode in which case they are queued until it leaves that mode ' +
  'a warning appears when the value conflicts with an existing setting and nothing is saved until the conflict is resolved'
).split(' ');

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
function sentence(random: () => number, words: number, extra: string): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(FILLER[Math.floor(random() * FILLER.length)]!);
  out.splice(Math.floor(random() * out.length), 0, extra);
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

export const DEMO_UPDATED_AT = '2026-03-01T08:00:00.000Z';

export function demoLibraries(): DemoLibrary[] {
  return [...PRODUCTS.flatMap((product, p) => product.versions.map((version, v) => buildLibrary(product, version, v, p))), chineseDemoLibrary()];
}

function buildLibrary(product: (typeof PRODUCTS)[number], version: string, v: number, p: number): DemoLibrary {
  const random = prng(1000 * (p + 1) + v);
  const id = `${product.slug}-${version.replace(/\./g, '-')}-en`;
  const files = new Map<string, Buffer>();
  const topics: Manifest['topics'] = [];
  const toc: TocNode[] = [];
  // The newer version documents one more object type: an update visibly adds topics.
  const nouns = product.nouns.slice(0, 6 + v);
  const all: { id: string; title: string }[] = [];
  for (const chapter of CHAPTERS) for (const verb of chapter.verbs) for (const noun of nouns.slice(0, 4)) all.push({ id: slug(`${verb} ${noun}`), title: `${verb} ${noun === noun.toUpperCase() ? noun : noun.toLowerCase()}` });

  let index = 0;
  for (const chapter of CHAPTERS) {
    const chapterNode: TocNode = { title: chapter.title, topicId: chapter.id, children: [] };
    toc.push(chapterNode);
    const overview = `<h1>${chapter.title}</h1><p>${escape(sentence(random, 18, product.name))}</p><p>This chapter covers:</p><ul>${chapter.verbs
      .map((verb) => `<li><a href="${slug(`${verb} ${nouns[0]}`)}.html">${verb} ${escape(nouns[0]!.toLowerCase())}</a></li>`)
      .join('')}</ul>`;
    addTopic(files, topics, chapter.id, chapter.title, overview);
    for (const verb of chapter.verbs) {
      for (const noun of nouns) {
        const title = `${verb} ${noun === noun.toUpperCase() ? noun : noun.toLowerCase()}`;
        const topicId = slug(title);
        if (topics.some((t) => t.id === topicId)) continue;
        const image = `images/${topicId}.svg`;
        files.set(image, figure(`${product.name}: ${title}`, (p * 120 + index * 17) % 360));
        const related = all[(index * 7 + 3) % all.length]!;
        const command = `${product.slug.split('-')[1]} ${slug(noun)} ${verb.toLowerCase().replace(/ing$/, '')} --name example-${index}`;
        const html = [
          `<h1>${escape(title)}</h1>`,
          `<p>${escape(sentence(random, 24, `${verb.toLowerCase()} a ${noun} in ${product.name} ${version}`))}</p>`,
          `<figure><img src="../${image}" alt="Diagram: ${escape(title)}"><figcaption>${escape(title)} at a glance</figcaption></figure>`,
          `<h2 id="prerequisites">Prerequisites</h2><p>${escape(sentence(random, 20, `the ${noun} licence`))}</p>`,
          `<h2 id="procedure">Procedure</h2><ol><li>${escape(sentence(random, 10, 'open the management console'))}</li><li>Run the command:<pre><code>${escape(command)}</code></pre></li><li>${escape(sentence(random, 10, 'check the status'))}</li></ol>`,
          `<h2 id="parameters">Parameters</h2><table><thead><tr><th>Parameter</th><th>Description</th><th>Default</th></tr></thead><tbody>` +
            `<tr><td><code>--name</code></td><td>Name of the ${escape(noun)}</td><td>none</td></tr>` +
            `<tr><td><code>--timeout</code></td><td>Seconds to wait for the ${escape(noun)} to settle</td><td>${30 + index}</td></tr></tbody></table>`,
          `<p>See also <a href="${related.id}.html">${escape(related.title)}</a> and <a href="${chapter.id}.html">${chapter.title}</a>.</p>`,
        ];
        // One page per library shows what the reader does with third-party content (P3.3, P7.1).
        if (index === 2) {
          html.push(
            `<h2 id="external-resources">External resources</h2><p>The vendor's <a href="https://support.example.com/kb/${topicId}">knowledge base</a> and a <a href="https://partner.example.org/guide">partner guide</a> (third party).</p>`,
            `<p><img src="https://tracker.example.net/pixel.gif?doc=${topicId}" alt="Remote status badge"></p>`,
          );
        }
        addTopic(files, topics, topicId, title, html.join('\n'));
        chapterNode.children!.push({ title, topicId });
        index++;
      }
    }
  }
  const manifest: Manifest = {
    format: 1,
    id,
    product: product.name,
    version,
    language: 'en',
    title: `${product.name} ${version} Documentation`,
    updatedAt: new Date(Date.parse(DEMO_UPDATED_AT) + (p * 2 + v) * 86_400_000).toISOString(),
    toc,
    topics,
  };
  return { manifest, files };
}
