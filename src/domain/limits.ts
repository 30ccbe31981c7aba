/** Validation limits shared by the server's schemas and the client's forms. */
export const LIMITS = {
  searchQueryMax: 50,
  pageSizeDefault: 20,
  pageSizeMax: 50,
  cursorMax: 200,
  loginCodeMax: 128,
  titleMax: 60,
  descriptionMax: 2000,
  // farmer listings
  originMax: 40,
  specNameMax: 20,
  specsMin: 1,
  specsMax: 5,
  photosMin: 1,
  photosMax: 9,
  mediaKeyMax: 100,
  /** ¥100,000: no single spec of produce costs more. */
  priceFenMax: 10_000_000,
  /** 100 kg per spec. */
  netWeightGMax: 100_000,
  stockMax: 100_000,
  reviewNoteMax: 200,
  // farmer profile (invite acceptance)
  farmerNameMax: 20,
  villageMax: 40,
  storyMax: 500,
  inviteCodeLength: 8,
  inviteValidDays: 7,
  // uploads
  uploadMaxBytes: 5 * 1024 * 1024,
  uploadIdMin: 8,
  uploadIdMax: 64,
} as const
