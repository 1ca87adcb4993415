import type { Locale } from '../../shared/locale';

/**
 * The sign-in pages' words in each language the product speaks. The page's language is the app's
 * choice (`ui_locales` on the authorize request), else the browser's Accept-Language (negotiateLocale).
 */
const en = {
  title: 'Sign in – Enterprise Support',
  heading: 'Sign in',
  intro: 'Enterprise Support Desktop is asking to see your profile.',
  email: 'E-mail',
  password: 'Password',
  submit: 'Sign in',
  missing: 'Enter your e-mail and password.',
  wrong: 'E-mail or password is wrong.',
  throttled: (minutes: number) => `Too many failed sign-ins for this account. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
  invalidLink: 'This sign-in link is not valid',
  failed: 'Sign-in failed',
  badFormat: 'The form was sent in a format this page does not accept.',
};

export type LoginStrings = typeof en;

const zhCN: LoginStrings = {
  title: '登录 – 企业支持',
  heading: '登录',
  intro: '企业支持桌面版请求查看您的个人资料。',
  email: '电子邮件',
  password: '密码',
  submit: '登录',
  missing: '请输入电子邮件和密码。',
  wrong: '电子邮件或密码错误。',
  throttled: (minutes: number) => `此账户登录失败次数过多。请等待 ${minutes} 分钟后重试。`,
  invalidLink: '此登录链接无效',
  failed: '登录失败',
  badFormat: '表单的发送格式不被此页面接受。',
};

export const LOGIN_STRINGS: Record<Locale, LoginStrings> = { en, 'zh-CN': zhCN };
