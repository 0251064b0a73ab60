/** Labels of the OpenID Connect sign-in. */
export const signInLabels = {
  signInButton: { vi: 'Đăng nhập', en: 'Sign in' },
  signingIn: { vi: 'Đang chuyển tới trang đăng nhập…', en: 'Going to the sign-in page…' },
  signInFailed: {
    vi: 'Không đăng nhập được; hãy thử lại.',
    en: 'Signing in did not work; please try again.',
  },
};
