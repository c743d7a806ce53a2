import { MovementScreen } from '../components/MovementScreen';

// One screen per movement, each with its own address, navigation entry and list of reads.
// Shipping and receiving work on delivery notes: see features/shipments.
export const ActivatePage = () => <MovementScreen key="activate" kind="activate" />;
export const ReturnPage = () => <MovementScreen key="returnPacks" kind="returnPacks" />;
export const DispensePage = () => <MovementScreen key="dispense" kind="dispense" />;
export const DecommissionPage = () => <MovementScreen key="decommission" kind="decommission" />;
export const UndoPage = () => <MovementScreen key="undo" kind="undo" />;
