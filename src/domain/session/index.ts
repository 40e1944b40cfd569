export * from './session-transitions';
export * from './session-summary';
export * from './session-redaction';
