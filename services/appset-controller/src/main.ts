// The appset-controller process: load configuration, then the shared bootstrap does the rest.
import 'reflect-metadata';
import { bootstrapService, runService } from '@flotilla/platform';
import { loadAppSetControllerConfig } from './appset-controller.config';
import { appSetControllerModule, SERVICE_NAME } from './appset-controller.module';

// async, so a configuration error becomes a rejection that runService reports and exits on.
runService(async () => {
  const config = loadAppSetControllerConfig();
  return bootstrapService({ name: SERVICE_NAME, module: appSetControllerModule(config), opsPort: config.opsPort });
}, SERVICE_NAME);
