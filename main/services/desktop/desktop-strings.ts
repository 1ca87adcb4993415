import type { Settings } from '../../../shared/contract/settings';

/**
 * Words the main process shows itself (menu, tray, notifications, dialogs), in the user's
 * language. The renderer's messages live in its i18n files; these few are drawn by the OS.
 */
const en = {
  file: 'File',
  search: 'Search…',
  settings: 'Settings',
  quit: 'Quit',
  edit: 'Edit',
  view: 'View',
  go: 'Go',
  window: 'Window',
  help: 'Help',
  docs: 'Documentation',
  software: 'Software',
  tickets: 'Service requests',
  privacy: 'My data',
  profile: 'Profile',
  checkForUpdates: 'Check for updates…',
  networkDiagnostics: 'Network diagnostics',
  open: 'Open Enterprise Support Desktop',
  newRequest: 'New service request',
  unread: (count: number) => (count === 1 ? '1 unread answer' : `${count} unread answers`),
  noUnread: 'No unread answers',
  answeredTitle: 'An engineer answered',
  answeredBody: (reference: string) => `New answer on ${reference}. Click to open it.`,
  attachFiles: 'Attach files',
  saveAttachment: 'Save attachment',
  documentationLibrary: 'Documentation library',
  importLibrary: 'Import a documentation library',
  importFolder: 'Import a folder of HTML or PDF manuals',
  pdfManual: 'PDF manual',
  exportLibrary: 'Export the documentation library',
};

type Strings = typeof en;

const zhCN: Strings = {
  file: '文件',
  search: '搜索…',
  settings: '设置',
  quit: '退出',
  edit: '编辑',
  view: '视图',
  go: '转到',
  window: '窗口',
  help: '帮助',
  docs: '文档',
  software: '软件',
  tickets: '服务请求',
  privacy: '我的数据',
  profile: '个人资料',
  checkForUpdates: '检查更新…',
  networkDiagnostics: '网络诊断',
  open: '打开企业支持桌面版',
  newRequest: '新建服务请求',
  unread: (count: number) => `${count} 条未读回复`,
  noUnread: '没有未读回复',
  answeredTitle: '工程师已回复',
  answeredBody: (reference: string) => `${reference} 有新回复。点击打开。`,
  attachFiles: '添加附件',
  saveAttachment: '保存附件',
  documentationLibrary: '文档库',
  importLibrary: '导入文档库',
  importFolder: '导入 HTML 或 PDF 手册文件夹',
  pdfManual: 'PDF 手册',
  exportLibrary: '导出文档库',
};

export const DESKTOP_STRINGS: Record<Settings['language'], Strings> = { en, 'zh-CN': zhCN };
export const desktopStrings = (language: Settings['language']): Strings => DESKTOP_STRINGS[language] ?? en;
