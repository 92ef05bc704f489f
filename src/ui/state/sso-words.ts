// What a failed single sign-on means, in plain words. The server sends the browser back to
// #/team/sso/<code> (src/server/routes/oidc.ts) with one of these codes.
const reasons: Record<string, string> = {
  cancelled: 'Signing in with your organisation was cancelled. Try again, or sign in with a password.',
  expired: 'That sign-in took too long or was begun in another browser window. Start again from this page.',
  refused:
    'Your organisation did not confirm who you are, so you were not signed in. Start again from this page.',
  unavailable: 'Your organisation’s sign-in service could not be reached. Try again in a minute.',
  'no-name':
    'Your organisation did not give a username or email address for your account. Ask your admin to add one.',
  taken:
    'An account with your name already exists on this team server and is not linked to your organisation’s sign-in. Ask your team server’s admin.',
};

export function singleSignOnFailure(code: string): string {
  return reasons[code] ?? 'Signing in with your organisation did not work. Start again from this page.';
}
