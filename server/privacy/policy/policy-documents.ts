/**
 * The reference service's own privacy policy, written for this project (P9.1). Versions are code, not
 * data: a new version ships with the server, and acknowledgements are stored per user.
 */
export const PRIVACY_CONTACT = {
  email: 'privacy@support.example.com',
  postal: 'Data Protection Office, Example Support GmbH, Hafenstraße 1, 20457 Hamburg, Germany',
};

type Localised = { en: string; 'zh-CN': string };
type PolicyDocument = { version: string; effectiveAt: number; summary: Localised; text: Localised };

const BODY = `
1. Who we are. Example Support runs the support service this app connects to. Questions go to ${PRIVACY_CONTACT.email}.

2. What we collect. Your name, e-mail, phone, contact address, company, industry, job and country; the IP
address and page you were on when you asked for help; your service requests and their comments; the
devices registered to you; your software applications; your feedback on documents; your consents; and
your sign-in history, including sign-ins through a company or social account.

3. Why. To answer comments and requests, to verify your identity for applications and upgrades, to
improve our products, to meet legal duties, and, only with your consent, to recommend content and to
send marketing. Usage statistics that identify nobody are kept apart from your personal data.

4. Your device. The app keeps your settings, a cached profile, document libraries, drafts, download
history and, if you allow it, an encrypted sign-in token. The privacy center lists all of it and
deletes it on request. Remote content in documents can be blocked.

5. Sharing. We never sell personal data. We share it only with your consent, with affiliates where
needed, with partners who deliver services for us, and where the law requires. The disclosure register
in the app lists the recipients and every disclosure recorded for you.

6. Your rights. You can see, correct, export, restrict and delete your data, object to its use and
withdraw consent at any time. Some requests need you to confirm by signing in again. We answer within
one month and tell you the reason if we cannot do what you ask.

7. Protection and retention. Data is encrypted in transit and at rest and seen only by authorised
people. Each category is kept only as long as its purpose needs; the privacy center shows how long.
After you delete your account, personal data is deleted; service requests are kept only anonymised.

8. Where. Our servers are in Germany. Regional support centres may process data on our behalf under
standard contractual clauses; the privacy center shows the safeguards for each category.

9. Links. Links to other sites are not under our control; the app tells you before you leave.

10. Changes. We tell you in the app when this policy changes and keep the latest version here.
`.trim();

const BODY_ZH = `
1. 我们是谁。Example Support 运营本应用所连接的支持服务。如有问题，请发送邮件至 ${PRIVACY_CONTACT.email}。

2. 我们收集什么。您的姓名、电子邮箱、电话、联系地址、公司、行业、职位和国家/地区；您寻求帮助时的 IP
地址和所在页面；您的服务请求及其评论；登记在您名下的设备；您的软件申请；您对文档的反馈；您的同意记录；
以及您的登录记录，包括通过公司账户或社交账户的登录。

3. 用途。答复评论和请求，为申请和升级核实您的身份，改进我们的产品，履行法律义务；仅在您同意时推荐内容
和发送营销信息。无法识别任何人的使用统计与您的个人数据分开保存。

4. 您的设备。本应用保存您的设置、文档库、草稿、下载记录，以及（经您允许）加密的登录令牌。隐私中心会
列出所有这些内容，并可按您的要求删除。文档中的远程内容可以被阻止。

5. 共享。我们绝不出售个人数据。仅在您同意时、在关联公司确有需要时、与为我们提供服务的合作伙伴之间，以及
法律要求时共享。应用中的披露记录列出了接收方以及与您有关的每一次披露。

6. 您的权利。您可以查看、更正、导出、限制处理和删除您的数据，反对其用途，并可随时撤回同意。部分请求需要
您重新登录以确认。我们会在一个月内答复；如无法照办，会告诉您原因。

7. 保护与保存。数据在传输和存储时均加密，只有获得授权的人员才能查看。每类数据只在其用途需要的期限内保存；
隐私中心显示具体期限。删除账户后，个人数据将被删除；服务请求仅以匿名形式保留。

8. 存放地点。我们的服务器位于德国。区域支持中心可能依据标准合同条款代表我们处理数据；隐私中心显示每类
数据适用的保障措施。

9. 链接。指向其他网站的链接不受我们控制；离开应用前，应用会提示您。

10. 变更。本政策变更时，我们会在应用中通知您，并在此提供最新版本。
`.trim();

export const POLICY_VERSIONS: readonly PolicyDocument[] = [
  {
    version: '2026.1',
    effectiveAt: Date.UTC(2026, 0, 1),
    summary: { en: 'First version of the policy for the desktop app.', 'zh-CN': '桌面应用隐私政策的第一版。' },
    text: { en: BODY, 'zh-CN': BODY_ZH },
  },
  {
    version: '2026.2',
    effectiveAt: Date.UTC(2026, 4, 15),
    summary: {
      en: 'Adds the disclosure register, anonymous usage statistics with your consent, and sign-ins through company accounts.',
      'zh-CN': '新增披露记录、经您同意的匿名使用统计，以及通过公司账户登录的记录。',
    },
    text: { en: BODY, 'zh-CN': BODY_ZH },
  },
];

/** The version in force at `now`: the latest whose effective date has passed. */
export function currentPolicy(now: number): PolicyDocument {
  const inForce = POLICY_VERSIONS.filter((doc) => doc.effectiveAt <= now);
  return inForce.at(-1) ?? POLICY_VERSIONS[0]!;
}
