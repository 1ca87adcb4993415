import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../main/services/docs/import-job';
import { SearchEngine } from '../../../main/services/docs/search-engine';
import { docsDb, engineOver, manifestOf, page, writePackage } from './docs-fixtures';

let engine: SearchEngine;
const titles = (query: string) => engine.search(query).map((hit) => hit.title);

// A small manual where the naive answer is wrong: short pages mention "bonding" more densely than
// the page about bonding, and a long page contains the phrase users remember.
const TOPICS: [string, string, string][] = [
  ['bonding', 'Network bonding', '<p>Bonding joins several interfaces into one logical link for redundancy and throughput.</p><h2 id="modes">Bonding modes</h2><p>Active backup keeps one link on standby while the other carries traffic.</p>'],
  ['bond-ref', 'Bond reference', '<p>Bonding bonding bonding.</p>'],
  ['vlan', 'VLAN tagging', '<p>Tag frames with 802.1Q. A VLAN can ride on a bonding interface.</p>'],
  ['firewall', 'Firewall rules', '<p>Rules are evaluated top down; the first match decides whether a packet is accepted or dropped.</p>'],
  ['routes', 'Static routes', '<p>A static route sends traffic for a prefix to a next hop. Routes survive a reboot when saved.</p>'],
  ['upgrade', 'Upgrading the firmware', '<p>Download the image, verify its checksum, then reboot into the new firmware.</p>'],
  ['dhcp', 'DHCP pools', '<p>A pool hands out addresses from a range; the first match decides the lease options.</p>'],
];

beforeAll(async () => {
  engine = await engineOver(TOPICS);
});

describe('ranking on a small fixture', () => {
  it('puts the exact title first, above pages that merely repeat its word', () => {
    expect(titles('network bonding ')[0]).toBe('Network bonding');
    expect(titles('bonding ').slice(0, 2)).toEqual(['Bonding modes', 'Network bonding']);
  });

  it('finds a remembered body phrase first', () => {
    expect(titles('first match decides whether ')[0]).toBe('Firewall rules');
    expect(titles('"first match decides"').sort()).toEqual(['DHCP pools', 'Firewall rules']);
  });

  it('forgives a one-letter typo and completes the last word as it is typed', () => {
    expect(titles('upgarding the firmware ')[0]).toBe('Upgrading the firmware');
    expect(titles('static rou')[0]).toBe('Static routes');
    expect(titles('firmw')[0]).toBe('Upgrading the firmware');
  });

  it('honours -exclusion and OR', () => {
    expect(titles('bonding -vlan ')).not.toContain('VLAN tagging');
    expect(titles('bonding ')).toContain('VLAN tagging');
    expect(titles('dhcp OR firewall ').sort()).toEqual(['DHCP pools', 'Firewall rules']);
  });

  it('marks the matched words in the snippet and gives the section path with its anchor', () => {
    const [hit] = engine.search('active backup ');
    expect(hit).toMatchObject({ title: 'Bonding modes', anchor: 'modes', path: 'topics/bonding.html#modes' });
    expect(hit!.snippet).toContain('\u0002Active\u0003 \u0002backup\u0003');
  });
});

describe('Chinese and Japanese manuals (written without spaces)', () => {
  let cjk: SearchEngine;
  const found = (query: string) => cjk.search(query).map((hit) => hit.title);

  beforeAll(async () => {
    const { db, dir } = docsDb();
    const pages: [string, string, string][] = [
      ['bond-zh', '配置网络绑定', '<p>网络绑定把多个接口合并为一个逻辑链路，提高冗余和吞吐量。</p>'],
      ['route-zh', '静态路由', '<p>静态路由把某个前缀的流量发送到下一跳。保存后重启仍然有效。</p>'],
      ['net-ja', 'ネットワーク設定', '<p>インターフェースを束ねて一つの論理リンクにします。</p>'],
    ];
    const manifest = manifestOf(pages.map(([id, title]) => ({ id, title })), { id: 'fixture-zh-1-0-zh', language: 'zh-CN' });
    const files = Object.fromEntries(pages.map(([id, title, body]) => [`topics/${id}.html`, page(title, body)]));
    await runImport(db, dir, { kind: 'package', file: await writePackage(dir, manifest, files), source: 'package' }, () => undefined);
    cjk = new SearchEngine(db);
  });

  it('finds a word in the middle of a sentence, as typed and as its title', () => {
    expect(found('逻辑链路')).toEqual(['配置网络绑定']);
    expect(found('下一跳')).toEqual(['静态路由']);
    expect(found('配置网络绑定')[0]).toBe('配置网络绑定');
    expect(found('論理リンク')).toEqual(['ネットワーク設定']);
  });

  it('does not match characters that are apart, and highlights the word as written', () => {
    expect(found('链路网络')).toEqual([]);
    expect(cjk.search('逻辑链路')[0]!.snippet).toContain('\u0002逻辑链路\u0003');
  });
});
