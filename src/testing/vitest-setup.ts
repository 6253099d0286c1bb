import { installFakeI18n } from './fake-i18n';

// Every unit test gets browser.i18n with the real English messages (src/testing/fake-i18n.ts).
installFakeI18n();
