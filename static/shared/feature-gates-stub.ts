/**
 * Build-time stand-in for @atlaskit/feature-gate-js-client (aliased in scripts/build-ui.mjs).
 * Atlaskit components ask it for platform feature gates; inside a Forge iframe the client is
 * never initialised, so every answer is already "off" / the default. This stub gives the same
 * answers without shipping Statsig (~230 KB per app).
 */
type Method = (...args: unknown[]) => unknown;

const answers: Record<string, Method> = {
  checkGate: () => false,
  initializeCompleted: () => false,
  getExperimentValue: (_name, _param, defaultValue) => defaultValue,
  getExperimentValueWithExposureTrackingDisabled: (_name, _param, defaultValue) => defaultValue,
  getDynamicConfigValue: (_name, _param, defaultValue) => defaultValue,
  initialize: () => Promise.resolve(),
  initializeFromValues: () => Promise.resolve(),
  onGateUpdated: () => () => undefined,
  onAnyUpdated: () => () => undefined,
};

const FeatureGates: Record<string, Method> = new Proxy(answers, {
  get: (target, prop) => (typeof prop === 'string' && prop in target ? target[prop] : () => undefined),
});

export default FeatureGates;
