/** The paths the fulfilment function's console pages answer (fulfilment-pages.tsx), loaded on the first such request (fulfilment-app.ts). */
export const FULFILMENT_PAGE_PATHS = ['/console/cases/*', '/console/records', '/console/records/*'] as const;
