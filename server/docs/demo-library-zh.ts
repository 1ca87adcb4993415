import type { Manifest, TocNode } from '../../shared/api/docs';
import { addTopic, escape, figure, prng, type DemoLibrary } from './demo-helpers';

/**
 * Contoso Storage Array 4.0 in Simplified Chinese: the demo's Chinese-speaking company (Contoso
 * Datacenter) reads its manuals in Chinese, and Chinese text is what tests word search without
 * spaces (characters indexed one by one). Same structure as the English libraries.
 */
const CHAPTERS = [
  { id: 'getting-started', title: '入门', verbs: [['planning', '规划'], ['understanding', '了解']] },
  { id: 'installation', title: '安装', verbs: [['installing', '安装'], ['upgrading', '升级']] },
  { id: 'configuration', title: '配置', verbs: [['configuring', '配置'], ['creating', '创建'], ['deleting', '删除']] },
  { id: 'troubleshooting', title: '故障排除', verbs: [['troubleshooting', '排查'], ['monitoring', '监控']] },
] as const;
const NOUNS = [['volume', '卷'], ['snapshot', '快照'], ['replication-link', '复制链路'], ['storage-pool', '存储池'], ['lun', 'LUN'], ['disk-group', '磁盘组']] as const;
const FILLER = [
  '系统在校验通过后应用每一项更改并写入事件日志',
  '开始之前请确认管理网络可以访问并且您的账户具有管理员角色',
  '更改立即生效除非设备处于维护模式',
  '如果设置与现有配置冲突界面会显示警告并且在解决冲突之前不会保存任何内容',
  '操作员可以在审计记录中查看谁在何时更改了什么',
];

export function chineseDemoLibrary(): DemoLibrary {
  const random = prng(4242);
  const sentence = (extra: string) => {
    const parts = [FILLER[Math.floor(random() * FILLER.length)]!, FILLER[Math.floor(random() * FILLER.length)]!];
    parts.splice(Math.floor(random() * 3), 0, extra);
    return `${parts.join('，')}。`;
  };
  const files = new Map<string, Buffer>();
  const topics: Manifest['topics'] = [];
  const toc: TocNode[] = [];
  let index = 0;
  for (const chapter of CHAPTERS) {
    const node: TocNode = { title: chapter.title, topicId: chapter.id, children: [] };
    toc.push(node);
    const links = chapter.verbs.map(([verb, zh]) => `<li><a href="${verb}-${NOUNS[0][0]}.html">${zh}${NOUNS[0][1]}</a></li>`).join('');
    addTopic(files, topics, chapter.id, chapter.title, `<h1>${chapter.title}</h1><p>${sentence('Contoso 存储阵列')}</p><p>本章包括：</p><ul>${links}</ul>`, 'zh-CN');
    for (const [verb, verbZh] of chapter.verbs) {
      for (const [noun, nounZh] of NOUNS) {
        const topicId = `${verb}-${noun}`;
        const title = `${verbZh}${nounZh}`;
        const image = `images/${topicId}.svg`;
        files.set(image, figure(`Contoso: ${topicId}`, (index * 23) % 360));
        const command = `storage ${noun} ${verb.replace(/ing$/, '')} --name example-${index}`;
        const [related] = NOUNS[(index + 1) % NOUNS.length]!;
        const html = [
          `<h1>${escape(title)}</h1>`,
          `<p>${sentence(`在 Contoso 存储阵列 4.0 中${title}`)}</p>`,
          `<figure><img src="../${image}" alt="示意图：${escape(title)}"><figcaption>${escape(title)}概览</figcaption></figure>`,
          `<h2 id="prerequisites">前提条件</h2><p>${sentence(`${nounZh}许可证`)}</p>`,
          `<h2 id="procedure">操作步骤</h2><ol><li>${sentence('打开管理控制台')}</li><li>运行命令：<pre><code>${escape(command)}</code></pre></li><li>${sentence('检查状态')}</li></ol>`,
          `<h2 id="parameters">参数</h2><table><thead><tr><th>参数</th><th>说明</th><th>默认值</th></tr></thead><tbody><tr><td><code>--name</code></td><td>${nounZh}的名称</td><td>无</td></tr></tbody></table>`,
          `<p>另请参阅 <a href="${verb}-${related}.html">${verbZh}${NOUNS[(index + 1) % NOUNS.length]![1]}</a> 和 <a href="${chapter.id}.html">${chapter.title}</a>。</p>`,
        ];
        addTopic(files, topics, topicId, title, html.join('\n'), 'zh-CN');
        node.children!.push({ title, topicId });
        index++;
      }
    }
  }
  const manifest: Manifest = {
    format: 1, id: 'contoso-storage-4-0-zh', product: 'Contoso Storage Array', version: '4.0', language: 'zh-CN', title: 'Contoso 存储阵列 4.0 文档',
    updatedAt: '2026-03-05T08:00:00.000Z', toc, topics,
  };
  return { manifest, files };
}
