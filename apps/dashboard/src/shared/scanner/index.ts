// Scanning for every screen: the camera (the only user of @zxing/*) and keyboard-wedge input,
// each read parsed by @jejak/gs1.
export { CameraScanner } from './CameraScanner';
export { ScanInput } from './ScanInput';
export { useCameraScanner, type CameraScanner as CameraScannerControls, type CameraScannerOptions, type CameraStatus } from './useCameraScanner';
export { displayCode, readScan, type ScanFormat, type ScanRead, type ScanSource } from './read';
export { primeFeedback, readFeedback } from './feedback';
