/** Validation limits shared by the server's schemas and the client's forms. */
export const LIMITS = {
  searchQueryMax: 50,
  pageSizeDefault: 20,
  pageSizeMax: 50,
  cursorMax: 200,
  loginCodeMax: 128,
  titleMax: 60,
  descriptionMax: 2000,
} as const
