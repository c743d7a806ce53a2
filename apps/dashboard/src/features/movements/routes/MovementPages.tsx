import { MovementScreen } from '../components/MovementScreen';

// One screen per movement, each with its own address, navigation entry and list of reads.
export const ActivatePage = () => <MovementScreen key="activate" kind="activate" />;
export const ShipPage = () => <MovementScreen key="ship" kind="ship" />;
export const ReceivePage = () => <MovementScreen key="receive" kind="receive" />;
export const ReturnPage = () => <MovementScreen key="returnPacks" kind="returnPacks" />;
export const DispensePage = () => <MovementScreen key="dispense" kind="dispense" />;
export const DecommissionPage = () => <MovementScreen key="decommission" kind="decommission" />;
export const UndoPage = () => <MovementScreen key="undo" kind="undo" />;
