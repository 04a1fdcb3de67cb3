// The app-controller process: load configuration, then the shared bootstrap does the rest.
import 'reflect-metadata';
import { bootstrapService, runService } from '@flotilla/platform';
import { loadAppControllerConfig } from './app-controller.config';
import { appControllerModule, SERVICE_NAME } from './app-controller.module';

// async, so a configuration error becomes a rejection that runService reports and exits on.
runService(async () => {
  const config = loadAppControllerConfig();
  return bootstrapService({ name: SERVICE_NAME, module: appControllerModule(config), opsPort: config.opsPort });
}, SERVICE_NAME);
