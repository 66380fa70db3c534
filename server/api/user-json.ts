import type { UserListItem } from "@/db/users/user-admin";

/** A person as the API answers them: role, language, a manager's projects, a donor's organisation, state. */
export function userJson(user: UserListItem) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    language: user.language,
    projects: user.projects,
    organisation: user.organisation?.code ?? null,
    state: user.state,
    disabledAt: user.disabledAt,
    signInLinkExpiresAt: user.linkExpiresAt,
  };
}
