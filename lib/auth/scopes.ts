// Delegated Graph permissions, as full scope strings: the same in demo and real mode.
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

export const GRAPH_READ_SCOPES = [
  `${GRAPH_RESOURCE}/Policy.Read.All`,
  `${GRAPH_RESOURCE}/Application.Read.All`,
];
/** Asked for only when the admin first writes (incremental consent). */
export const GRAPH_WRITE_SCOPES = [
  `${GRAPH_RESOURCE}/Policy.ReadWrite.ApplicationConfiguration`,
  `${GRAPH_RESOURCE}/Application.ReadWrite.All`,
];
export const LOGIN_SCOPES = ['openid', 'profile', ...GRAPH_READ_SCOPES];

/** Directory roles (wids) that may write policies and links; Global Reader may only read. */
export const WRITER_ROLES: Record<string, string> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
};
