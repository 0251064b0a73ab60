/** Labels of the users screen (authority and zone managers). */
export const userLabels = {
  users: { vi: 'Người dùng', en: 'Users' },
  usersIntro: {
    vi: 'Mời người dùng mới; họ nhận thư mời qua e-mail và đăng nhập với vai trò được cấp.',
    en: 'Invite people; they get an e-mail invitation and sign in with the role given here.',
  },
  inviteUser: { vi: 'Mời người dùng', en: 'Invite a user' },
  email: { vi: 'E-mail', en: 'E-mail' },
  role: { vi: 'Vai trò', en: 'Role' },
  enterpriseIdLabel: { vi: 'Mã doanh nghiệp', en: 'Enterprise id' },
  zonesOfManager: { vi: 'Các khu quản lý', en: 'Zones managed' },
  invite: { vi: 'Gửi lời mời', en: 'Send invitation' },
  invited: { vi: 'Đã mời', en: 'Invited' },
  userEnabled: { vi: 'Đang hoạt động', en: 'Active' },
  userDisabled: { vi: 'Đã khóa', en: 'Disabled' },
  disableUser: { vi: 'Khóa tài khoản', en: 'Disable' },
  existingUsers: { vi: 'Danh sách người dùng', en: 'Users' },
};
