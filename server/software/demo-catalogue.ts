import type { Database } from 'better-sqlite3';

const MiB = 1024 * 1024;

/** Files bigger than this are generated when first downloaded, not at start (the 1 GiB recovery image). */
export const GENERATE_AT_START_MAX_BYTES = 64 * MiB;

const LICENCE = (product: string) =>
  `${product} licence agreement (demo).\n\n1. You may install and use this software on equipment your organisation operates.\n` +
  '2. You may not redistribute it outside your organisation.\n3. The software is provided under your support contract; no other warranty applies.';

const LICENCE_ZH = (product: string) =>
  `${product} 许可协议（演示）。\n\n1. 您可以在贵组织运营的设备上安装和使用本软件。\n` +
  '2. 您不得将其分发到贵组织之外。\n3. 本软件依据您的支持合同提供；不适用任何其他担保。';

/** The demo products' summaries in Chinese (their names are brand names and stay as they are). */
const SUMMARIES_ZH: Record<string, string> = {
  nwos: 'NW 系列边缘路由器和核心路由器的操作系统映像。',
  svault: 'StorageVault 阵列的控制器固件和恢复介质（受限：需申请访问权限）。',
  toolkit: '适用于所有产品的命令行诊断信息收集工具。',
};

/**
 * The demo catalogue: fixed ids, sizes and hashes so tests, screenshots and the benchmark see the same
 * data everywhere. Each file's content is generated from its id (demo-files.ts); the sha256 values
 * are those of that content, and the 1 GiB image's hash is checked by `npm run bench -- downloads`.
 */
export const DEMO_PRODUCTS = [
  {
    id: 'nwos', name: 'NW-OS Router Firmware', summary: 'Operating system images for NW-series edge and core routers.', licenceVersion: '2026.1',
    releases: [
      {
        id: 'nwos-7.2.0', version: '7.2.0', releaseDate: '2026-03-10', notes: 'Adds BGP flowspec filters; fixes an IPv6 neighbour-discovery leak.',
        files: [
          { id: 'nwos-720-notes', name: 'nwos-7.2.0-release-notes.txt', size: 4096, access: 'public', sha256: 'c165af189ec80ca2a86c5525b368d2676cded3e39044f2f7924ad49fc556bf45' },
          { id: 'nwos-720-img', name: 'nwos-7.2.0-x86_64.img', size: 6 * MiB, access: 'registered', sha256: 'b75d06e9fd190838967bf68c1754238c656ee59937504b30912ea15a43e90835' },
        ],
      },
      {
        id: 'nwos-7.1.4', version: '7.1.4', releaseDate: '2025-11-20', notes: 'Security fixes for the management plane.',
        files: [{ id: 'nwos-714-img', name: 'nwos-7.1.4-x86_64.img', size: 5 * MiB + 12345, access: 'registered', sha256: '5b9c9ff4f4fe2d39bbda0e92a2a65e0fde4305af4be52a7521c3fd2f4a93a4bd' }],
      },
    ],
  },
  {
    id: 'svault', name: 'StorageVault Controller', summary: 'Controller firmware and recovery media for StorageVault arrays (restricted: apply for access).', licenceVersion: '3.0',
    releases: [
      {
        id: 'svault-3.0.1', version: '3.0.1', releaseDate: '2026-02-02', notes: 'Controller firmware with faster rebuilds; recovery image for field engineers.',
        files: [
          { id: 'svault-301-ctrl', name: 'svault-3.0.1-controller.bin', size: 3 * MiB, access: 'restricted', sha256: 'f15ae480970d2ec7500ac11c7e79fea1f35401bda730b07d0e8f8a4804d1372b' },
          { id: 'svault-301-recovery', name: 'svault-3.0.1-recovery.iso', size: 1024 * MiB, access: 'restricted', sha256: '94d6feb748bd3953856875891927b17740687ae97ae91f7d34b0453c5bd1f91f' },
        ],
      },
    ],
  },
  {
    id: 'toolkit', name: 'Support Toolkit CLI', summary: 'Command-line diagnostics collector for all products.', licenceVersion: '1.0',
    releases: [
      {
        id: 'toolkit-2.4.0', version: '2.4.0', releaseDate: '2026-04-01', notes: 'Collects NW-OS 7.2 logs; smaller archives.',
        files: [
          { id: 'toolkit-240-linux', name: 'toolkit-2.4.0-linux-x64.tar.gz', size: 512 * 1024 + 77, access: 'public', sha256: 'b448efe7f6196b8845c6ac7c900729b79450edaa8bca9ba055a60edc8815d12f' },
          { id: 'toolkit-240-win', name: 'toolkit-2.4.0-windows-x64.zip', size: 640 * 1024, access: 'registered', sha256: '553b8d842ce2008bfff9798bff53c15f928e1fb02e2b6ec4e47f00a704240691' },
        ],
      },
    ],
  },
] as const;

/** Inserts the demo catalogue once (fixed ids): idempotent, so databases made before issue 4 get it too. */
export function seedSoftwareCatalogue(db: Database): void {
  seedChineseTexts(db);
  if (db.prepare('SELECT 1 FROM software_products LIMIT 1').get()) return;
  const product = db.prepare('INSERT INTO software_products (id, name, summary, licence_version, licence_text) VALUES (?, ?, ?, ?, ?)');
  const release = db.prepare('INSERT INTO software_releases (id, product_id, version, release_date, notes) VALUES (?, ?, ?, ?, ?)');
  const file = db.prepare(
    'INSERT INTO software_files (id, release_id, name, size, sha256, access_level, storage_name, demo_seed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const p of DEMO_PRODUCTS) {
      product.run(p.id, p.name, p.summary, p.licenceVersion, LICENCE(p.name));
      for (const r of p.releases) {
        release.run(r.id, p.id, r.version, r.releaseDate, r.notes);
        for (const f of r.files) file.run(f.id, r.id, f.name, f.size, f.sha256, f.access, `${f.id}.bin`, f.id);
      }
    }
  })();
  seedChineseTexts(db);
}

/** The demo products' Chinese summary and licence text; idempotent, so a demo database made before migration 9 gets them too. */
function seedChineseTexts(db: Database): void {
  const text = db.prepare(
    `INSERT INTO software_product_texts (product_id, locale, summary, licence_text)
     SELECT id, 'zh-CN', ?, ? FROM software_products WHERE id = ? ON CONFLICT DO NOTHING`,
  );
  for (const p of DEMO_PRODUCTS) text.run(SUMMARIES_ZH[p.id], LICENCE_ZH(p.name), p.id);
}
