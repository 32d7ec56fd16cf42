/** DI token: the name of the service AuthModule runs in (names its Kafka clients). */
export const AUTH_SERVICE = Symbol('AUTH_SERVICE');
