// Campaigns (phát động phong trào) and broadcasts: the launch, the registration window, its extension.
export * from "./broadcasts.js";
export * from "./campaigns.js";
export * from "./extension.js";
