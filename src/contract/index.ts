export * from './envelope';
export * from './readiness';
export * from './estimation';
export * from './agenda';
export * from './settings';
export * from './health';
export * from './resolvers';
export * from './session';
