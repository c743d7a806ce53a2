import { Suspense, lazy, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/routes/AccountPage';
import { ApiKeysPage } from '../features/api-keys/routes/ApiKeysPage';
import { AuditPage } from '../features/audit/routes/AuditPage';
import { LoginPage } from '../features/auth/routes/LoginPage';
import { FacilitiesPage } from '../features/facilities/routes/FacilitiesPage';
import { HomePage } from '../features/home/routes/HomePage';
import { OrganizationsPage } from '../features/organizations/routes/OrganizationsPage';
import { UsersPage } from '../features/users/routes/UsersPage';
import { AppLayout } from './layout/AppLayout';
import { PublicLayout } from './layout/PublicLayout';
import { navItem } from './navigation';
import { NotFoundPage } from './NotFoundPage';
import { RequireAccess } from './RequireAccess';
import { RequireAuth } from './RequireAuth';
import { Loading } from '../shared/ui';

// The public page comes with the barcode parser and, on demand, the camera decoder: its own
// chunks, so the signed-in screens do not carry them.
const VerifyPage = lazy(() => import('../features/verify/routes/VerifyPage').then((module) => ({ default: module.VerifyPage })));

const later = (element: ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

// Daily work (products, codes, scanning, stock): loaded when opened, with the parser and labels.
const work = {
  products: () => import('../features/products/routes/ProductsPage'),
  productEdit: () => import('../features/products/routes/ProductEditPage'),
  codeRequests: () => import('../features/code-requests/routes/CodeRequestsPage'),
  codeRequest: () => import('../features/code-requests/routes/CodeRequestPage'),
  labels: () => import('../features/code-requests/routes/LabelsPage'),
  movements: () => import('../features/movements/routes/MovementPages'),
  ship: () => import('../features/shipments/routes/ShipPage'),
  receive: () => import('../features/shipments/routes/ReceivePage'),
  shipments: () => import('../features/shipments/routes/ShipmentsPage'),
  packingList: () => import('../features/shipments/routes/PackingListPage'),
  notifications: () => import('../features/notifications/routes/NotificationsPage'),
  aggregate: () => import('../features/movements/routes/AggregatePage'),
  stock: () => import('../features/stock/routes/StockPage'),
};
const ProductsPage = lazy(() => work.products().then((module) => ({ default: module.ProductsPage })));
const ProductEditPage = lazy(() => work.productEdit().then((module) => ({ default: module.ProductEditPage })));
const CodeRequestsPage = lazy(() => work.codeRequests().then((module) => ({ default: module.CodeRequestsPage })));
const CodeRequestPage = lazy(() => work.codeRequest().then((module) => ({ default: module.CodeRequestPage })));
const LabelsPage = lazy(() => work.labels().then((module) => ({ default: module.LabelsPage })));
const ActivatePage = lazy(() => work.movements().then((module) => ({ default: module.ActivatePage })));
const ShipPage = lazy(() => work.ship().then((module) => ({ default: module.ShipPage })));
const ReceivePage = lazy(() => work.receive().then((module) => ({ default: module.ReceivePage })));
const ShipmentsPage = lazy(() => work.shipments().then((module) => ({ default: module.ShipmentsPage })));
const PackingListPage = lazy(() => work.packingList().then((module) => ({ default: module.PackingListPage })));
const NotificationsPage = lazy(() => work.notifications().then((module) => ({ default: module.NotificationsPage })));
const ReturnPage = lazy(() => work.movements().then((module) => ({ default: module.ReturnPage })));
const DispensePage = lazy(() => work.movements().then((module) => ({ default: module.DispensePage })));
const DecommissionPage = lazy(() => work.movements().then((module) => ({ default: module.DecommissionPage })));
const UndoPage = lazy(() => work.movements().then((module) => ({ default: module.UndoPage })));
const AggregatePage = lazy(() => work.aggregate().then((module) => ({ default: module.AggregatePage })));
const StockPage = lazy(() => work.stock().then((module) => ({ default: module.StockPage })));

// Supervision and reports: loaded when opened (the reports bring recharts).
const supervision = {
  approvals: () => import('../features/approvals/routes/ApprovalsPage'),
  trace: () => import('../features/trace/routes/TracePage'),
  inspector: () => import('../features/inspector/routes/InspectorPage'),
  recalls: () => import('../features/recalls/routes/RecallsPage'),
  heldRecalls: () => import('../features/recalls/routes/HeldRecallsPage'),
  pullList: () => import('../features/recalls/routes/PullListPage'),
  alerts: () => import('../features/alerts/routes/AlertsPage'),
  ledger: () => import('../features/ledger/routes/LedgerPage'),
  realisation: () => import('../features/reports/routes/RealisationPage'),
  goodsFlow: () => import('../features/reports/routes/GoodsFlowPage'),
  stock: () => import('../features/reports/routes/StockPage'),
  consumption: () => import('../features/reports/routes/ConsumptionPage'),
};
const ApprovalsPage = lazy(() => supervision.approvals().then((module) => ({ default: module.ApprovalsPage })));
const TracePage = lazy(() => supervision.trace().then((module) => ({ default: module.TracePage })));
const InspectorPage = lazy(() => supervision.inspector().then((module) => ({ default: module.InspectorPage })));
const RecallsPage = lazy(() => supervision.recalls().then((module) => ({ default: module.RecallsPage })));
const HeldRecallsPage = lazy(() => supervision.heldRecalls().then((module) => ({ default: module.HeldRecallsPage })));
const PullListPage = lazy(() => supervision.pullList().then((module) => ({ default: module.PullListPage })));
const AlertsPage = lazy(() => supervision.alerts().then((module) => ({ default: module.AlertsPage })));
const LedgerPage = lazy(() => supervision.ledger().then((module) => ({ default: module.LedgerPage })));
const RealisationPage = lazy(() => supervision.realisation().then((module) => ({ default: module.RealisationPage })));
const GoodsFlowPage = lazy(() => supervision.goodsFlow().then((module) => ({ default: module.GoodsFlowPage })));
const StockReportPage = lazy(() => supervision.stock().then((module) => ({ default: module.StockPage })));
const ConsumptionPage = lazy(() => supervision.consumption().then((module) => ({ default: module.ConsumptionPage })));

/** A route for a navigation entry: its path, guarded by who sees the entry. */
function screen(id: string, element: ReactNode) {
  const { path } = navItem(id);
  return { path, element: <RequireAccess item={id}>{element}</RequireAccess> };
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Public pages: no login. A GS1 Digital Link of a Jejak code (/01/{gtin}/...) is checked as
  // it stands, the whole address being the code.
  {
    element: <PublicLayout />,
    children: [
      { path: navItem('verify').path, element: later(<VerifyPage />) },
      { path: '/01/*', element: later(<VerifyPage digitalLink />) },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          screen('home', <HomePage />),
          screen('facilities', <FacilitiesPage />),
          screen('organizations', <OrganizationsPage />),
          screen('users', <UsersPage />),
          screen('apiKeys', <ApiKeysPage />),
          screen('account', <AccountPage />),
          screen('audit', <AuditPage />),
          screen('products', later(<ProductsPage />)),
          { path: '/products/:nie', element: <RequireAccess item="products">{later(<ProductEditPage />)}</RequireAccess> },
          screen('codeRequests', later(<CodeRequestsPage />)),
          { path: '/code-requests/:id', element: <RequireAccess item="codeRequests">{later(<CodeRequestPage />)}</RequireAccess> },
          { path: '/code-requests/:id/labels', element: <RequireAccess item="codeRequests">{later(<LabelsPage />)}</RequireAccess> },
          screen('activate', later(<ActivatePage />)),
          screen('aggregate', later(<AggregatePage />)),
          screen('ship', later(<ShipPage />)),
          screen('receive', later(<ReceivePage />)),
          screen('shipments', later(<ShipmentsPage />)),
          // A delivery note is for its sender, its receiver and BPOM: the API says who sees which.
          { path: '/shipments/:id', element: later(<PackingListPage />) },
          { path: '/notifications', element: later(<NotificationsPage />) },
          screen('returnPacks', later(<ReturnPage />)),
          screen('dispense', later(<DispensePage />)),
          screen('decommission', later(<DecommissionPage />)),
          screen('undo', later(<UndoPage />)),
          screen('stock', later(<StockPage />)),
          screen('approvals', later(<ApprovalsPage />)),
          screen('trace', later(<TracePage />)),
          screen('inspect', later(<InspectorPage />)),
          screen('recalls', later(<RecallsPage />)),
          { path: '/recalls/:id/pull', element: <RequireAccess item="recalls">{later(<PullListPage />)}</RequireAccess> },
          screen('pullLists', later(<HeldRecallsPage />)),
          { path: '/pull-lists/:id', element: <RequireAccess item="pullLists">{later(<PullListPage />)}</RequireAccess> },
          screen('alerts', later(<AlertsPage />)),
          screen('ledger', later(<LedgerPage />)),
          screen('realisation', later(<RealisationPage />)),
          screen('goodsFlow', later(<GoodsFlowPage />)),
          screen('stockReport', later(<StockReportPage />)),
          screen('consumption', later(<ConsumptionPage />)),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
