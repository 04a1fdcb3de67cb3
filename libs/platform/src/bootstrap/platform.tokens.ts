import { Inject } from '@nestjs/common';

/** The service's pino logger: `@InjectLogger() private readonly logger: Logger`. */
export const LOGGER = Symbol('flotilla:logger');
export const InjectLogger = (): ParameterDecorator => Inject(LOGGER);

/** The options given to PlatformModule.forRoot. */
export const PLATFORM_OPTIONS = Symbol('flotilla:platform-options');
