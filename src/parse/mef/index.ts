// Open-PSA MEF import (parse stage): the public entry points of src/parse/mef/.

export { loadMef, loadMefSync, parseMefText, type LoadMefOptions } from './load-mef.js';
export { DEFAULT_MISSION_TIME, MISSION_TIME_ATTRIBUTE } from './build-mef-model.js';
export type { MefErrorCode } from './mef-diagnostic.js';
