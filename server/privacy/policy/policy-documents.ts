/**
 * The reference service's own privacy policy, written for this project (P9.1). Versions are code, not
 * data: a new version ships with the server, and acknowledgements are stored per user.
 */
export const PRIVACY_CONTACT = {
  email: 'privacy@support.example.com',
  postal: 'Data Protection Office, Example Support GmbH, Hafenstraße 1, 20457 Hamburg, Germany',
};

type PolicyDocument = { version: string; effectiveAt: number; summary: { en: string; 'zh-CN': string }; text: string };

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

export const POLICY_VERSIONS: readonly PolicyDocument[] = [
  {
    version: '2026.1',
    effectiveAt: Date.UTC(2026, 0, 1),
    summary: { en: 'First version of the policy for the desktop app.', 'zh-CN': '桌面应用隐私政策的第一版。' },
    text: BODY,
  },
  {
    version: '2026.2',
    effectiveAt: Date.UTC(2026, 4, 15),
    summary: {
      en: 'Adds the disclosure register, anonymous usage statistics with your consent, and sign-ins through company accounts.',
      'zh-CN': '新增披露记录、经您同意的匿名使用统计，以及通过公司账户登录的记录。',
    },
    text: BODY,
  },
];

/** The version in force at `now`: the latest whose effective date has passed. */
export function currentPolicy(now: number): PolicyDocument {
  const inForce = POLICY_VERSIONS.filter((doc) => doc.effectiveAt <= now);
  return inForce.at(-1) ?? POLICY_VERSIONS[0]!;
}
