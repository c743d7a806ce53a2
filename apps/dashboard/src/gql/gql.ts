/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation ChangePassword($currentPassword: String, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      sessionsEnded\n      user {\n        id\n        mustChangePassword\n      }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastUsedAt\n      expiresAt\n      userAgent\n      address\n      current\n    }\n  }\n": typeof types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": typeof types.EndSessionDocument,
    "\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n": typeof types.EndOtherSessionsDocument,
    "\n  fragment AlertSummary on Alert {\n    id\n    reason\n    severity\n    status\n    resolution\n    code\n    occurrences\n    firstSeenAt\n    lastSeenAt\n    batch\n    product {\n      nie\n      name\n    }\n    facility {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n      email\n    }\n  }\n": typeof types.AlertSummaryFragmentDoc,
    "\n  query Alerts($status: AlertStatus, $first: Int) {\n    alerts(status: $status, first: $first) {\n      ...AlertSummary\n    }\n  }\n": typeof types.AlertsDocument,
    "\n  query AlertPage($first: Int, $after: String, $filter: AlertFilterInput) {\n    alertConnection(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AlertSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AlertPageDocument,
    "\n  query AlertFilterOptions {\n    facilities {\n      id\n      name\n    }\n    products(first: 200) {\n      id\n      nie\n      name\n    }\n  }\n": typeof types.AlertFilterOptionsDocument,
    "\n  mutation AssignAlerts($ids: [ID!]!, $userId: ID) {\n    assignAlerts(ids: $ids, userId: $userId) {\n      updated {\n        id\n        status\n        assignee {\n          id\n          name\n          email\n        }\n      }\n      skipped {\n        id\n        reason\n      }\n    }\n  }\n": typeof types.AssignAlertsDocument,
    "\n  mutation CloseAlerts($ids: [ID!]!, $resolution: AlertResolution!, $comment: String) {\n    closeAlerts(ids: $ids, resolution: $resolution, comment: $comment) {\n      updated {\n        id\n        status\n        resolution\n      }\n      skipped {\n        id\n        reason\n      }\n    }\n  }\n": typeof types.CloseAlertsDocument,
    "\n  query Alert($id: ID!) {\n    alert(id: $id) {\n      ...AlertSummary\n      evidence {\n        at\n        kind\n        observation\n        params {\n          name\n          value\n        }\n        code\n        latitude\n        longitude\n        facility\n      }\n      comments {\n        text\n        at\n        author\n      }\n      complaints {\n        id\n        description\n        hasPhoto\n        createdAt\n        latitude\n        longitude\n      }\n    }\n  }\n": typeof types.AlertDocument,
    "\n  query Complaints($first: Int) {\n    complaints(first: $first) {\n      id\n      code\n      description\n      latitude\n      longitude\n      hasPhoto\n      alertId\n      createdAt\n    }\n  }\n": typeof types.ComplaintsDocument,
    "\n  query AlertAssignees {\n    users {\n      id\n      name\n      role\n    }\n  }\n": typeof types.AlertAssigneesDocument,
    "\n  mutation AssignAlert($id: ID!, $userId: ID) {\n    assignAlert(id: $id, userId: $userId) {\n      id\n      status\n      assignee {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.AssignAlertDocument,
    "\n  mutation CommentAlert($id: ID!, $text: String!) {\n    commentAlert(id: $id, text: $text) {\n      text\n      at\n      author\n    }\n  }\n": typeof types.CommentAlertDocument,
    "\n  mutation CloseAlert($id: ID!, $resolution: AlertResolution!, $comment: String) {\n    closeAlert(id: $id, resolution: $resolution, comment: $comment) {\n      id\n      status\n      resolution\n    }\n  }\n": typeof types.CloseAlertDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      revokedAt\n      expiresAt\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $expiresAt: DateTimeISO) {\n    createApiKey(name: $name, expiresAt: $expiresAt) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n        expiresAt\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query ApprovalQueue($status: CodeRequestStatus, $first: Int) {\n    codeRequests(status: $status, first: $first) {\n      id\n      status\n      kind\n      product {\n        id\n        nie\n        name\n        registrant {\n          id\n          name\n        }\n      }\n      batch\n      expiry\n      quantity\n      unitsPerCase\n      casesPerPallet\n      gtin\n      reason\n      createdAt\n      decidedAt\n    }\n  }\n": typeof types.ApprovalQueueDocument,
    "\n  mutation ApproveCodeRequest($id: ID!) {\n    approveCodeRequest(id: $id) {\n      id\n      status\n      decidedAt\n    }\n  }\n": typeof types.ApproveCodeRequestDocument,
    "\n  mutation RejectCodeRequest($id: ID!, $reason: String!) {\n    rejectCodeRequest(id: $id, reason: $reason) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n": typeof types.RejectCodeRequestDocument,
    "\n  query AuditEvents($first: Int, $after: String, $action: AuditAction, $organizationId: ID) {\n    auditEvents(first: $first, after: $after, action: $action, organizationId: $organizationId) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actorEmail\n          targetType\n          targetLabel\n          address\n          sessionsEnded\n          expiresAt\n          failures\n          retryAfterSeconds\n          organization {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AuditOrganizations {\n    organizations {\n      id\n      name\n    }\n  }\n": typeof types.AuditOrganizationsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      mustChangePassword\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Viewer {\n    me {\n      id\n      name\n      email\n      role\n      mustChangePassword\n      organization {\n        id\n        name\n        type\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  fragment CodeRequestFields on CodeRequest {\n    id\n    kind\n    status\n    reason\n    batch\n    expiry\n    quantity\n    gtin\n    unitsPerCase\n    casesPerPallet\n    createdAt\n    decidedAt\n    product {\n      id\n      nie\n      name\n      gtin\n    }\n  }\n": typeof types.CodeRequestFieldsFragmentDoc,
    "\n  mutation UploadSerials($input: SerialUploadInput!) {\n    uploadSerials(input: $input) {\n      ...BulkResultFields\n    }\n  }\n": typeof types.UploadSerialsDocument,
    "\n  query CodeRequests($status: CodeRequestStatus, $first: Int) {\n    codeRequests(status: $status, first: $first) {\n      ...CodeRequestFields\n    }\n  }\n": typeof types.CodeRequestsDocument,
    "\n  query CodeRequest($id: ID!, $first: Int, $after: String) {\n    codeRequest(id: $id) {\n      ...CodeRequestFields\n      codes(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            serial\n            sscc\n            text\n            raw\n            digitalLink\n            level\n          }\n        }\n      }\n    }\n  }\n": typeof types.CodeRequestDocument,
    "\n  mutation RequestCodes($input: CodeRequestInput!) {\n    requestCodes(input: $input) {\n      ...CodeRequestFields\n    }\n  }\n": typeof types.RequestCodesDocument,
    "\n  query RequestProduct($nie: String!) {\n    product(nie: $nie) {\n      id\n      nie\n      name\n      gtin\n      serialised\n    }\n  }\n": typeof types.RequestProductDocument,
    "\n  query Facilities($type: FacilityType, $search: String) {\n    facilities(type: $type, search: $search) {\n      id\n      name\n      type\n      address\n      regency\n      province\n      licenceNumber\n      gln\n    }\n  }\n": typeof types.FacilitiesDocument,
    "\n  mutation CreateFacility($input: FacilityInput!) {\n    createFacility(input: $input) {\n      id\n      name\n      type\n      gln\n    }\n  }\n": typeof types.CreateFacilityDocument,
    "\n  query Home {\n    me {\n      id\n      name\n      email\n      role\n      organization {\n        id\n        name\n        type\n      }\n      facilities {\n        id\n        name\n        type\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n    }\n  }\n": typeof types.HomeDocument,
    "\n  query WorkQueue {\n    workQueue {\n      kind\n      count\n    }\n  }\n": typeof types.WorkQueueDocument,
    "\n  fragment InspectionReadFields on InspectionRead {\n    id\n    code\n    verdict\n    reasons\n    custody\n    expectedFacility {\n      id\n      name\n    }\n    productName\n    batch\n    readAt\n    repeated\n  }\n": typeof types.InspectionReadFieldsFragmentDoc,
    "\n  fragment InspectionSummaryFields on InspectionSummary {\n    reads\n    notAtCustodian\n    findings\n    byVerdict {\n      verdict\n      count\n    }\n    byCustody {\n      custody\n      count\n    }\n  }\n": typeof types.InspectionSummaryFieldsFragmentDoc,
    "\n  query Inspection($id: ID!) {\n    inspection(id: $id) {\n      id\n      status\n      openedAt\n      closedAt\n      inspector\n      facility {\n        id\n        name\n        regency\n      }\n      reads {\n        ...InspectionReadFields\n      }\n      findings {\n        id\n        text\n        hasPhoto\n        createdAt\n      }\n      summary {\n        ...InspectionSummaryFields\n      }\n    }\n  }\n": typeof types.InspectionDocument,
    "\n  query Inspections($status: InspectionStatus, $first: Int) {\n    inspections(status: $status, first: $first) {\n      id\n      status\n      openedAt\n      closedAt\n      inspector\n      facility {\n        id\n        name\n      }\n      summary {\n        reads\n        notAtCustodian\n        findings\n      }\n    }\n  }\n": typeof types.InspectionsDocument,
    "\n  query InspectableFacilities($search: String) {\n    facilities(search: $search) {\n      id\n      name\n      type\n      regency\n    }\n  }\n": typeof types.InspectableFacilitiesDocument,
    "\n  mutation OpenInspection($facility: ID!) {\n    openInspection(facility: $facility) {\n      id\n      status\n    }\n  }\n": typeof types.OpenInspectionDocument,
    "\n  mutation RecordInspectionRead($inspection: ID!, $code: String!, $latitude: Float, $longitude: Float) {\n    recordInspectionRead(inspection: $inspection, code: $code, latitude: $latitude, longitude: $longitude) {\n      ...InspectionReadFields\n    }\n  }\n": typeof types.RecordInspectionReadDocument,
    "\n  mutation AddInspectionFinding($inspection: ID!, $text: String!, $photo: String) {\n    addInspectionFinding(inspection: $inspection, text: $text, photo: $photo) {\n      id\n      text\n      hasPhoto\n      createdAt\n    }\n  }\n": typeof types.AddInspectionFindingDocument,
    "\n  mutation CloseInspection($inspection: ID!) {\n    closeInspection(inspection: $inspection) {\n      id\n      status\n      closedAt\n      summary {\n        ...InspectionSummaryFields\n      }\n    }\n  }\n": typeof types.CloseInspectionDocument,
    "\n  query InspectionSummary($id: ID!) {\n    inspection(id: $id) {\n      id\n      summary {\n        ...InspectionSummaryFields\n      }\n    }\n  }\n": typeof types.InspectionSummaryDocument,
    "\n  query Ledger($first: Int) {\n    ledgerDays(first: $first) {\n      day\n      events\n      root\n      previousRoot\n      keyId\n      publishedAt\n    }\n    lastLedgerCheck {\n      ...LedgerCheckFields\n    }\n  }\n": typeof types.LedgerDocument,
    "\n  fragment LedgerCheckFields on LedgerCheck {\n    ok\n    checkedEvents\n    firstBadEventId\n    problem\n    from\n    to\n    checkedAt\n  }\n": typeof types.LedgerCheckFieldsFragmentDoc,
    "\n  mutation VerifyLedger($from: String, $to: String) {\n    verifyLedger(from: $from, to: $to) {\n      ...LedgerCheckFields\n    }\n  }\n": typeof types.VerifyLedgerDocument,
    "\n  query Lifecycle {\n    lifecycle {\n      movements {\n        movement\n        actors\n      }\n      routes {\n        movement\n        from\n        to\n      }\n      decommissionReasons\n      undoWindowDays\n      reportedWindowDays\n      reportTimeZone\n    }\n  }\n": typeof types.LifecycleDocument,
    "\n  fragment BulkResultFields on BulkResult {\n    accepted\n    units\n    rejected {\n      code\n      reason\n      rule\n      message\n      row\n    }\n    recalled\n    shipment {\n      id\n      number\n    }\n  }\n": typeof types.BulkResultFieldsFragmentDoc,
    "\n  mutation Activate($codes: [String!]!, $facility: ID) {\n    activate(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": typeof types.ActivateDocument,
    "\n  mutation Aggregate($parent: String!, $children: [String!]!, $facility: ID) {\n    aggregate(parent: $parent, children: $children, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": typeof types.AggregateDocument,
    "\n  mutation Ship($codes: [String!]!, $to: ID!, $shipment: ID, $facility: ID) {\n    ship(codes: $codes, to: $to, shipment: $shipment, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": typeof types.ShipDocument,
    "\n  mutation ReturnPacks($codes: [String!]!, $to: ID!, $facility: ID) {\n    returnPacks(codes: $codes, to: $to, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": typeof types.ReturnPacksDocument,
    "\n  mutation Receive($codes: [String!]!, $facility: ID) {\n    receive(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": typeof types.ReceiveDocument,
    "\n  mutation Dispense($codes: [String!]!, $facility: ID) {\n    dispense(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": typeof types.DispenseDocument,
    "\n  mutation Decommission($codes: [String!]!, $reason: DecommissionReason!, $facility: ID) {\n    decommission(codes: $codes, reason: $reason, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": typeof types.DecommissionDocument,
    "\n  mutation Undo($codes: [String!]!, $facility: ID) {\n    undo(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": typeof types.UndoDocument,
    "\n  query MovementFacilities {\n    me {\n      id\n      facilities {\n        id\n        name\n        type\n      }\n    }\n  }\n": typeof types.MovementFacilitiesDocument,
    "\n  query Destinations($type: FacilityType, $search: String) {\n    facilities(type: $type, search: $search) {\n      id\n      name\n      type\n      regency\n      province\n    }\n  }\n": typeof types.DestinationsDocument,
    "\n  query ParentPack($code: String!) {\n    pack(code: $code) {\n      id\n      code\n      level\n      status\n      childCount\n      capacity\n      batch\n      expiry\n      product {\n        nie\n        name\n      }\n    }\n  }\n": typeof types.ParentPackDocument,
    "\n  mutation ActivateCodeRequest($id: ID!, $after: String, $first: Int, $facility: ID) {\n    activateCodeRequest(id: $id, after: $after, first: $first, facility: $facility, source: SCAN) {\n      result {\n        ...BulkResultFields\n      }\n      endCursor\n      hasMore\n      remaining\n      total\n    }\n  }\n": typeof types.ActivateCodeRequestDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    createdAt\n    read\n    facilityId\n    facilityName\n    shipmentId\n    shipmentNumber\n    counterparty\n    recallId\n    nie\n    productName\n    batch\n    units\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int, $unreadOnly: Boolean) {\n    notifications(first: $first, unreadOnly: $unreadOnly) {\n      unread\n      items {\n        ...NotificationFields\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  query UnreadNotifications {\n    notifications(first: 1, unreadOnly: true) {\n      unread\n    }\n  }\n": typeof types.UnreadNotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query Organizations($type: OrganizationType) {\n    organizations(type: $type) {\n      id\n      name\n      type\n    }\n  }\n": typeof types.OrganizationsDocument,
    "\n  mutation CreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      type\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  fragment ProductFields on Product {\n    id\n    nie\n    name\n    brand\n    form\n    strength\n    packaging\n    producer\n    gtin\n    serialised\n  }\n": typeof types.ProductFieldsFragmentDoc,
    "\n  query Products($search: String, $first: Int) {\n    products(search: $search, first: $first) {\n      ...ProductFields\n    }\n  }\n": typeof types.ProductsDocument,
    "\n  query Product($nie: String!) {\n    product(nie: $nie) {\n      ...ProductFields\n    }\n  }\n": typeof types.ProductDocument,
    "\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      ...ProductFields\n    }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation UpdateProduct($nie: String!, $input: ProductUpdateInput!) {\n    updateProduct(nie: $nie, input: $input) {\n      ...ProductFields\n    }\n  }\n": typeof types.UpdateProductDocument,
    "\n  fragment RecallSummary on Recall {\n    id\n    status\n    reason\n    class\n    nie\n    batch\n    productName\n    createdAt\n    closedAt\n    progress {\n      totalUnits\n      released\n      recovered\n      outstanding\n      reachedPatients\n      asOf\n    }\n  }\n": typeof types.RecallSummaryFragmentDoc,
    "\n  query Recalls {\n    recalls {\n      ...RecallSummary\n    }\n  }\n": typeof types.RecallsDocument,
    "\n  query RecallProgress($id: ID!) {\n    recall(id: $id) {\n      ...RecallSummary\n      progress {\n        byPosition {\n          position\n          units\n        }\n        byFacility {\n          units\n          returned\n          destroyed\n          dispensed\n          facility {\n            id\n            name\n            type\n            regency\n            province\n          }\n        }\n        returnedByDay {\n          day\n          units\n          total\n        }\n      }\n    }\n  }\n": typeof types.RecallProgressDocument,
    "\n  mutation RecallBatch($nie: String!, $batch: String!, $reason: String!, $class: RecallClass) {\n    recallBatch(nie: $nie, batch: $batch, reason: $reason, class: $class) {\n      id\n      status\n      nie\n      batch\n    }\n  }\n": typeof types.RecallBatchDocument,
    "\n  mutation CloseRecall($id: ID!) {\n    closeRecall(id: $id) {\n      id\n      status\n      closedAt\n    }\n  }\n": typeof types.CloseRecallDocument,
    "\n  query RecallProducts($search: String) {\n    products(search: $search, first: 50) {\n      id\n      nie\n      name\n      strength\n      form\n    }\n  }\n": typeof types.RecallProductsDocument,
    "\n  query ProductBatches($nie: String!) {\n    product(nie: $nie) {\n      id\n      nie\n      batches {\n        lot\n        expiry\n        recalled\n      }\n    }\n  }\n": typeof types.ProductBatchesDocument,
    "\n  query HeldRecalls {\n    recalls {\n      id\n      status\n      reason\n      class\n      nie\n      batch\n      productName\n      createdAt\n      closedAt\n      pullList {\n        code\n        level\n        units\n      }\n    }\n  }\n": typeof types.HeldRecallsDocument,
    "\n  query PullList($id: ID!, $facility: ID) {\n    recall(id: $id) {\n      id\n      status\n      reason\n      class\n      nie\n      batch\n      productName\n      createdAt\n      closedAt\n      pullList(facility: $facility) {\n        code\n        level\n        units\n        facilityId\n      }\n    }\n  }\n": typeof types.PullListDocument,
    "\n  query Realisation($groupBy: RealisationGroup!, $filter: ReportFilter) {\n    realisation(groupBy: $groupBy, filter: $filter) {\n      key\n      label\n      issued\n      activated\n      shippedToDistributor\n      receivedByDistributor\n      shippedByDistributor\n      receivedByPharmacy\n      dispensed\n    }\n  }\n": typeof types.RealisationDocument,
    "\n  query Stock($level: RegionLevel!, $filter: ReportFilter, $nearExpiryDays: Int!) {\n    stock(level: $level, filter: $filter, nearExpiryDays: $nearExpiryDays) {\n      asOf\n      nearExpiryDays\n      rows {\n        key\n        label\n        facility {\n          id\n          name\n        }\n        province\n        regency\n        product {\n          nie\n          name\n        }\n        batch\n        expiry\n        units\n        nearExpiry\n        recalled\n      }\n    }\n  }\n": typeof types.StockDocument,
    "\n  query Shortages($filter: ReportFilter, $thresholdDays: Int!, $windowDays: Int!) {\n    shortages(filter: $filter, thresholdDays: $thresholdDays, windowDays: $windowDays) {\n      asOf\n      thresholdDays\n      windowDays\n      rows {\n        province\n        regency\n        product {\n          nie\n          name\n        }\n        stock\n        dailyRate\n        daysOfCover\n      }\n    }\n  }\n": typeof types.ShortagesDocument,
    "\n  query GoodsFlow($filter: ReportFilter, $overdueDays: Int!) {\n    goodsFlow(filter: $filter, overdueDays: $overdueDays) {\n      asOf\n      overdueDays\n      rows {\n        direction\n        facility {\n          id\n          name\n        }\n        counterparty {\n          id\n          name\n        }\n        product {\n          nie\n          name\n        }\n        batch\n        units\n      }\n      overdue {\n        from {\n          id\n          name\n        }\n        to {\n          id\n          name\n        }\n        product {\n          nie\n          name\n        }\n        batch\n        since\n        units\n      }\n    }\n  }\n": typeof types.GoodsFlowDocument,
    "\n  query Consumption($level: RegionLevel!, $filter: ReportFilter) {\n    consumption(level: $level, filter: $filter) {\n      asOf\n      rows {\n        month\n        province\n        regency\n        product {\n          nie\n          name\n        }\n        units\n      }\n    }\n  }\n": typeof types.ConsumptionDocument,
    "\n  query ReportFacilities {\n    facilities {\n      id\n      name\n      type\n      regency\n      province\n    }\n  }\n": typeof types.ReportFacilitiesDocument,
    "\n  fragment ShipmentSummary on Shipment {\n    id\n    number\n    kind\n    status\n    units\n    receivedUnits\n    createdAt\n    dispatchedAt\n    receivedAt\n    cancelledAt\n    from {\n      id\n      name\n    }\n    to {\n      id\n      name\n    }\n  }\n": typeof types.ShipmentSummaryFragmentDoc,
    "\n  fragment ShipmentContents on Shipment {\n    lines {\n      product {\n        id\n        nie\n        name\n      }\n      batch\n      expiry\n      units\n      recalled\n    }\n    items {\n      packId\n      code\n      level\n      units\n      batch\n      expiry\n      recalled\n      status\n      product {\n        id\n        nie\n        name\n      }\n    }\n  }\n": typeof types.ShipmentContentsFragmentDoc,
    "\n  query OutgoingShipments($status: [ShipmentStatus!]) {\n    outgoingShipments(status: $status) {\n      ...ShipmentSummary\n    }\n  }\n": typeof types.OutgoingShipmentsDocument,
    "\n  query IncomingShipments($status: [ShipmentStatus!]) {\n    incomingShipments(status: $status) {\n      ...ShipmentSummary\n    }\n  }\n": typeof types.IncomingShipmentsDocument,
    "\n  query Shipment($id: ID!) {\n    shipment(id: $id) {\n      ...ShipmentSummary\n      ...ShipmentContents\n    }\n  }\n": typeof types.ShipmentDocument,
    "\n  query PackingList($id: ID!) {\n    shipment(id: $id) {\n      ...ShipmentSummary\n      ...ShipmentContents\n      gsin\n      barcode\n      from {\n        id\n        name\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n      to {\n        id\n        name\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n    }\n  }\n": typeof types.PackingListDocument,
    "\n  query ShipmentByCode($code: String!) {\n    shipmentByCode(code: $code) {\n      ...ShipmentSummary\n    }\n  }\n": typeof types.ShipmentByCodeDocument,
    "\n  mutation OpenShipment($to: ID!, $facility: ID) {\n    openShipment(to: $to, facility: $facility, source: SCAN) {\n      ...ShipmentSummary\n    }\n  }\n": typeof types.OpenShipmentDocument,
    "\n  mutation DispatchShipment($id: ID!) {\n    dispatchShipment(id: $id) {\n      ...BulkResultFields\n    }\n  }\n": typeof types.DispatchShipmentDocument,
    "\n  mutation CancelShipment($id: ID!) {\n    cancelShipment(id: $id) {\n      ...ShipmentSummary\n    }\n  }\n": typeof types.CancelShipmentDocument,
    "\n  mutation ReceiveShipment($id: ID!, $codes: [String!], $facility: ID) {\n    receiveShipment(id: $id, codes: $codes, facility: $facility, source: SCAN) {\n      accepted\n      units\n      rejected {\n        code\n        reason\n        rule\n        message\n        row\n      }\n      missing\n      extra\n      recalled\n      shipment {\n        id\n        number\n      }\n    }\n  }\n": typeof types.ReceiveShipmentDocument,
    "\n  query PackChildren($code: String!) {\n    trace(code: $code) {\n      pack {\n        id\n        childCount\n      }\n      children {\n        id\n        code\n        level\n        status\n        childCount\n      }\n    }\n  }\n": typeof types.PackChildrenDocument,
    "\n  query StockOnHand($filter: ReportFilter, $nearExpiryDays: Int!) {\n    stock(level: FACILITY, filter: $filter, nearExpiryDays: $nearExpiryDays) {\n      asOf\n      nearExpiryDays\n      rows {\n        key\n        facility {\n          id\n          name\n        }\n        product {\n          nie\n          name\n        }\n        batch\n        expiry\n        units\n        nearExpiry\n        recalled\n      }\n    }\n  }\n": typeof types.StockOnHandDocument,
    "\n  query StockFacilities {\n    me {\n      id\n      facilities {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StockFacilitiesDocument,
    "\n  query Trace($code: String!) {\n    trace(code: $code) {\n      pack {\n        id\n        code\n        level\n        status\n        batch\n        expiry\n        recalled\n        childCount\n        serial\n        sscc\n        product {\n          id\n          nie\n          name\n        }\n        custodian {\n          id\n          name\n        }\n        destination {\n          id\n          name\n        }\n      }\n      parent {\n        id\n        code\n        level\n        status\n      }\n      children {\n        id\n        code\n        level\n        status\n      }\n      events {\n        id\n        type\n        at\n        recordedAt\n        source\n        reason\n        parentCode\n        facility {\n          id\n          name\n          type\n          regency\n          province\n          latitude\n          longitude\n        }\n        counterparty {\n          id\n          name\n          type\n          regency\n          province\n        }\n        recordedBy {\n          kind\n          name\n        }\n      }\n    }\n  }\n": typeof types.TraceDocument,
    "\n  query TraceSearch($filter: TraceSearchInput!, $first: Int, $after: String) {\n    traceSearch(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          code\n          level\n          status\n          batch\n          expiry\n          recalled\n          product {\n            id\n            nie\n            name\n          }\n          custodian {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.TraceSearchDocument,
    "\n  query TraceSearchOptions {\n    facilities {\n      id\n      name\n    }\n    products(first: 200) {\n      id\n      nie\n      name\n    }\n  }\n": typeof types.TraceSearchOptionsDocument,
    "\n  query Users($organizationId: ID) {\n    users(organizationId: $organizationId) {\n      ...UserRow\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query UserOrganizations {\n    organizations {\n      id\n      name\n      type\n    }\n  }\n": typeof types.UserOrganizationsDocument,
    "\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    active\n    disabledAt\n    mustChangePassword\n  }\n": typeof types.UserRowFragmentDoc,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserRow\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...UserRow\n    }\n  }\n": typeof types.EnableUserDocument,
    "\n  mutation ResetPassword($id: ID!) {\n    resetPassword(id: $id) {\n      temporaryPassword\n      expiresAt\n      user {\n        ...UserRow\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query VerifyCode($code: String!, $latitude: Float, $longitude: Float) {\n    verify(code: $code, latitude: $latitude, longitude: $longitude) {\n      verdict\n      reasons\n      product {\n        name\n        nie\n        brand\n        form\n        strength\n        packaging\n        producer\n        registrant\n      }\n      batch\n      expiry\n      serial\n      status\n      activated\n      sample\n      dispensedAt\n      dispensedRegency\n      checkedAt\n    }\n  }\n": typeof types.VerifyCodeDocument,
    "\n  mutation ReportSuspect($code: String!, $description: String, $latitude: Float, $longitude: Float, $photo: String) {\n    reportSuspect(code: $code, description: $description, latitude: $latitude, longitude: $longitude, photo: $photo) {\n      id\n      hasPhoto\n      alertId\n    }\n  }\n": typeof types.ReportSuspectDocument,
};
const documents: Documents = {
    "\n  mutation ChangePassword($currentPassword: String, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      sessionsEnded\n      user {\n        id\n        mustChangePassword\n      }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastUsedAt\n      expiresAt\n      userAgent\n      address\n      current\n    }\n  }\n": types.MySessionsDocument,
    "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n": types.EndSessionDocument,
    "\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n": types.EndOtherSessionsDocument,
    "\n  fragment AlertSummary on Alert {\n    id\n    reason\n    severity\n    status\n    resolution\n    code\n    occurrences\n    firstSeenAt\n    lastSeenAt\n    batch\n    product {\n      nie\n      name\n    }\n    facility {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n      email\n    }\n  }\n": types.AlertSummaryFragmentDoc,
    "\n  query Alerts($status: AlertStatus, $first: Int) {\n    alerts(status: $status, first: $first) {\n      ...AlertSummary\n    }\n  }\n": types.AlertsDocument,
    "\n  query AlertPage($first: Int, $after: String, $filter: AlertFilterInput) {\n    alertConnection(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AlertSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AlertPageDocument,
    "\n  query AlertFilterOptions {\n    facilities {\n      id\n      name\n    }\n    products(first: 200) {\n      id\n      nie\n      name\n    }\n  }\n": types.AlertFilterOptionsDocument,
    "\n  mutation AssignAlerts($ids: [ID!]!, $userId: ID) {\n    assignAlerts(ids: $ids, userId: $userId) {\n      updated {\n        id\n        status\n        assignee {\n          id\n          name\n          email\n        }\n      }\n      skipped {\n        id\n        reason\n      }\n    }\n  }\n": types.AssignAlertsDocument,
    "\n  mutation CloseAlerts($ids: [ID!]!, $resolution: AlertResolution!, $comment: String) {\n    closeAlerts(ids: $ids, resolution: $resolution, comment: $comment) {\n      updated {\n        id\n        status\n        resolution\n      }\n      skipped {\n        id\n        reason\n      }\n    }\n  }\n": types.CloseAlertsDocument,
    "\n  query Alert($id: ID!) {\n    alert(id: $id) {\n      ...AlertSummary\n      evidence {\n        at\n        kind\n        observation\n        params {\n          name\n          value\n        }\n        code\n        latitude\n        longitude\n        facility\n      }\n      comments {\n        text\n        at\n        author\n      }\n      complaints {\n        id\n        description\n        hasPhoto\n        createdAt\n        latitude\n        longitude\n      }\n    }\n  }\n": types.AlertDocument,
    "\n  query Complaints($first: Int) {\n    complaints(first: $first) {\n      id\n      code\n      description\n      latitude\n      longitude\n      hasPhoto\n      alertId\n      createdAt\n    }\n  }\n": types.ComplaintsDocument,
    "\n  query AlertAssignees {\n    users {\n      id\n      name\n      role\n    }\n  }\n": types.AlertAssigneesDocument,
    "\n  mutation AssignAlert($id: ID!, $userId: ID) {\n    assignAlert(id: $id, userId: $userId) {\n      id\n      status\n      assignee {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.AssignAlertDocument,
    "\n  mutation CommentAlert($id: ID!, $text: String!) {\n    commentAlert(id: $id, text: $text) {\n      text\n      at\n      author\n    }\n  }\n": types.CommentAlertDocument,
    "\n  mutation CloseAlert($id: ID!, $resolution: AlertResolution!, $comment: String) {\n    closeAlert(id: $id, resolution: $resolution, comment: $comment) {\n      id\n      status\n      resolution\n    }\n  }\n": types.CloseAlertDocument,
    "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      revokedAt\n      expiresAt\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($name: String!, $expiresAt: DateTimeISO) {\n    createApiKey(name: $name, expiresAt: $expiresAt) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n        expiresAt\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query ApprovalQueue($status: CodeRequestStatus, $first: Int) {\n    codeRequests(status: $status, first: $first) {\n      id\n      status\n      kind\n      product {\n        id\n        nie\n        name\n        registrant {\n          id\n          name\n        }\n      }\n      batch\n      expiry\n      quantity\n      unitsPerCase\n      casesPerPallet\n      gtin\n      reason\n      createdAt\n      decidedAt\n    }\n  }\n": types.ApprovalQueueDocument,
    "\n  mutation ApproveCodeRequest($id: ID!) {\n    approveCodeRequest(id: $id) {\n      id\n      status\n      decidedAt\n    }\n  }\n": types.ApproveCodeRequestDocument,
    "\n  mutation RejectCodeRequest($id: ID!, $reason: String!) {\n    rejectCodeRequest(id: $id, reason: $reason) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n": types.RejectCodeRequestDocument,
    "\n  query AuditEvents($first: Int, $after: String, $action: AuditAction, $organizationId: ID) {\n    auditEvents(first: $first, after: $after, action: $action, organizationId: $organizationId) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actorEmail\n          targetType\n          targetLabel\n          address\n          sessionsEnded\n          expiresAt\n          failures\n          retryAfterSeconds\n          organization {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AuditOrganizations {\n    organizations {\n      id\n      name\n    }\n  }\n": types.AuditOrganizationsDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      mustChangePassword\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Viewer {\n    me {\n      id\n      name\n      email\n      role\n      mustChangePassword\n      organization {\n        id\n        name\n        type\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  fragment CodeRequestFields on CodeRequest {\n    id\n    kind\n    status\n    reason\n    batch\n    expiry\n    quantity\n    gtin\n    unitsPerCase\n    casesPerPallet\n    createdAt\n    decidedAt\n    product {\n      id\n      nie\n      name\n      gtin\n    }\n  }\n": types.CodeRequestFieldsFragmentDoc,
    "\n  mutation UploadSerials($input: SerialUploadInput!) {\n    uploadSerials(input: $input) {\n      ...BulkResultFields\n    }\n  }\n": types.UploadSerialsDocument,
    "\n  query CodeRequests($status: CodeRequestStatus, $first: Int) {\n    codeRequests(status: $status, first: $first) {\n      ...CodeRequestFields\n    }\n  }\n": types.CodeRequestsDocument,
    "\n  query CodeRequest($id: ID!, $first: Int, $after: String) {\n    codeRequest(id: $id) {\n      ...CodeRequestFields\n      codes(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            serial\n            sscc\n            text\n            raw\n            digitalLink\n            level\n          }\n        }\n      }\n    }\n  }\n": types.CodeRequestDocument,
    "\n  mutation RequestCodes($input: CodeRequestInput!) {\n    requestCodes(input: $input) {\n      ...CodeRequestFields\n    }\n  }\n": types.RequestCodesDocument,
    "\n  query RequestProduct($nie: String!) {\n    product(nie: $nie) {\n      id\n      nie\n      name\n      gtin\n      serialised\n    }\n  }\n": types.RequestProductDocument,
    "\n  query Facilities($type: FacilityType, $search: String) {\n    facilities(type: $type, search: $search) {\n      id\n      name\n      type\n      address\n      regency\n      province\n      licenceNumber\n      gln\n    }\n  }\n": types.FacilitiesDocument,
    "\n  mutation CreateFacility($input: FacilityInput!) {\n    createFacility(input: $input) {\n      id\n      name\n      type\n      gln\n    }\n  }\n": types.CreateFacilityDocument,
    "\n  query Home {\n    me {\n      id\n      name\n      email\n      role\n      organization {\n        id\n        name\n        type\n      }\n      facilities {\n        id\n        name\n        type\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n    }\n  }\n": types.HomeDocument,
    "\n  query WorkQueue {\n    workQueue {\n      kind\n      count\n    }\n  }\n": types.WorkQueueDocument,
    "\n  fragment InspectionReadFields on InspectionRead {\n    id\n    code\n    verdict\n    reasons\n    custody\n    expectedFacility {\n      id\n      name\n    }\n    productName\n    batch\n    readAt\n    repeated\n  }\n": types.InspectionReadFieldsFragmentDoc,
    "\n  fragment InspectionSummaryFields on InspectionSummary {\n    reads\n    notAtCustodian\n    findings\n    byVerdict {\n      verdict\n      count\n    }\n    byCustody {\n      custody\n      count\n    }\n  }\n": types.InspectionSummaryFieldsFragmentDoc,
    "\n  query Inspection($id: ID!) {\n    inspection(id: $id) {\n      id\n      status\n      openedAt\n      closedAt\n      inspector\n      facility {\n        id\n        name\n        regency\n      }\n      reads {\n        ...InspectionReadFields\n      }\n      findings {\n        id\n        text\n        hasPhoto\n        createdAt\n      }\n      summary {\n        ...InspectionSummaryFields\n      }\n    }\n  }\n": types.InspectionDocument,
    "\n  query Inspections($status: InspectionStatus, $first: Int) {\n    inspections(status: $status, first: $first) {\n      id\n      status\n      openedAt\n      closedAt\n      inspector\n      facility {\n        id\n        name\n      }\n      summary {\n        reads\n        notAtCustodian\n        findings\n      }\n    }\n  }\n": types.InspectionsDocument,
    "\n  query InspectableFacilities($search: String) {\n    facilities(search: $search) {\n      id\n      name\n      type\n      regency\n    }\n  }\n": types.InspectableFacilitiesDocument,
    "\n  mutation OpenInspection($facility: ID!) {\n    openInspection(facility: $facility) {\n      id\n      status\n    }\n  }\n": types.OpenInspectionDocument,
    "\n  mutation RecordInspectionRead($inspection: ID!, $code: String!, $latitude: Float, $longitude: Float) {\n    recordInspectionRead(inspection: $inspection, code: $code, latitude: $latitude, longitude: $longitude) {\n      ...InspectionReadFields\n    }\n  }\n": types.RecordInspectionReadDocument,
    "\n  mutation AddInspectionFinding($inspection: ID!, $text: String!, $photo: String) {\n    addInspectionFinding(inspection: $inspection, text: $text, photo: $photo) {\n      id\n      text\n      hasPhoto\n      createdAt\n    }\n  }\n": types.AddInspectionFindingDocument,
    "\n  mutation CloseInspection($inspection: ID!) {\n    closeInspection(inspection: $inspection) {\n      id\n      status\n      closedAt\n      summary {\n        ...InspectionSummaryFields\n      }\n    }\n  }\n": types.CloseInspectionDocument,
    "\n  query InspectionSummary($id: ID!) {\n    inspection(id: $id) {\n      id\n      summary {\n        ...InspectionSummaryFields\n      }\n    }\n  }\n": types.InspectionSummaryDocument,
    "\n  query Ledger($first: Int) {\n    ledgerDays(first: $first) {\n      day\n      events\n      root\n      previousRoot\n      keyId\n      publishedAt\n    }\n    lastLedgerCheck {\n      ...LedgerCheckFields\n    }\n  }\n": types.LedgerDocument,
    "\n  fragment LedgerCheckFields on LedgerCheck {\n    ok\n    checkedEvents\n    firstBadEventId\n    problem\n    from\n    to\n    checkedAt\n  }\n": types.LedgerCheckFieldsFragmentDoc,
    "\n  mutation VerifyLedger($from: String, $to: String) {\n    verifyLedger(from: $from, to: $to) {\n      ...LedgerCheckFields\n    }\n  }\n": types.VerifyLedgerDocument,
    "\n  query Lifecycle {\n    lifecycle {\n      movements {\n        movement\n        actors\n      }\n      routes {\n        movement\n        from\n        to\n      }\n      decommissionReasons\n      undoWindowDays\n      reportedWindowDays\n      reportTimeZone\n    }\n  }\n": types.LifecycleDocument,
    "\n  fragment BulkResultFields on BulkResult {\n    accepted\n    units\n    rejected {\n      code\n      reason\n      rule\n      message\n      row\n    }\n    recalled\n    shipment {\n      id\n      number\n    }\n  }\n": types.BulkResultFieldsFragmentDoc,
    "\n  mutation Activate($codes: [String!]!, $facility: ID) {\n    activate(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": types.ActivateDocument,
    "\n  mutation Aggregate($parent: String!, $children: [String!]!, $facility: ID) {\n    aggregate(parent: $parent, children: $children, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": types.AggregateDocument,
    "\n  mutation Ship($codes: [String!]!, $to: ID!, $shipment: ID, $facility: ID) {\n    ship(codes: $codes, to: $to, shipment: $shipment, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": types.ShipDocument,
    "\n  mutation ReturnPacks($codes: [String!]!, $to: ID!, $facility: ID) {\n    returnPacks(codes: $codes, to: $to, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": types.ReturnPacksDocument,
    "\n  mutation Receive($codes: [String!]!, $facility: ID) {\n    receive(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": types.ReceiveDocument,
    "\n  mutation Dispense($codes: [String!]!, $facility: ID) {\n    dispense(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": types.DispenseDocument,
    "\n  mutation Decommission($codes: [String!]!, $reason: DecommissionReason!, $facility: ID) {\n    decommission(codes: $codes, reason: $reason, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": types.DecommissionDocument,
    "\n  mutation Undo($codes: [String!]!, $facility: ID) {\n    undo(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n": types.UndoDocument,
    "\n  query MovementFacilities {\n    me {\n      id\n      facilities {\n        id\n        name\n        type\n      }\n    }\n  }\n": types.MovementFacilitiesDocument,
    "\n  query Destinations($type: FacilityType, $search: String) {\n    facilities(type: $type, search: $search) {\n      id\n      name\n      type\n      regency\n      province\n    }\n  }\n": types.DestinationsDocument,
    "\n  query ParentPack($code: String!) {\n    pack(code: $code) {\n      id\n      code\n      level\n      status\n      childCount\n      capacity\n      batch\n      expiry\n      product {\n        nie\n        name\n      }\n    }\n  }\n": types.ParentPackDocument,
    "\n  mutation ActivateCodeRequest($id: ID!, $after: String, $first: Int, $facility: ID) {\n    activateCodeRequest(id: $id, after: $after, first: $first, facility: $facility, source: SCAN) {\n      result {\n        ...BulkResultFields\n      }\n      endCursor\n      hasMore\n      remaining\n      total\n    }\n  }\n": types.ActivateCodeRequestDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    createdAt\n    read\n    facilityId\n    facilityName\n    shipmentId\n    shipmentNumber\n    counterparty\n    recallId\n    nie\n    productName\n    batch\n    units\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int, $unreadOnly: Boolean) {\n    notifications(first: $first, unreadOnly: $unreadOnly) {\n      unread\n      items {\n        ...NotificationFields\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  query UnreadNotifications {\n    notifications(first: 1, unreadOnly: true) {\n      unread\n    }\n  }\n": types.UnreadNotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query Organizations($type: OrganizationType) {\n    organizations(type: $type) {\n      id\n      name\n      type\n    }\n  }\n": types.OrganizationsDocument,
    "\n  mutation CreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      type\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  fragment ProductFields on Product {\n    id\n    nie\n    name\n    brand\n    form\n    strength\n    packaging\n    producer\n    gtin\n    serialised\n  }\n": types.ProductFieldsFragmentDoc,
    "\n  query Products($search: String, $first: Int) {\n    products(search: $search, first: $first) {\n      ...ProductFields\n    }\n  }\n": types.ProductsDocument,
    "\n  query Product($nie: String!) {\n    product(nie: $nie) {\n      ...ProductFields\n    }\n  }\n": types.ProductDocument,
    "\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      ...ProductFields\n    }\n  }\n": types.CreateProductDocument,
    "\n  mutation UpdateProduct($nie: String!, $input: ProductUpdateInput!) {\n    updateProduct(nie: $nie, input: $input) {\n      ...ProductFields\n    }\n  }\n": types.UpdateProductDocument,
    "\n  fragment RecallSummary on Recall {\n    id\n    status\n    reason\n    class\n    nie\n    batch\n    productName\n    createdAt\n    closedAt\n    progress {\n      totalUnits\n      released\n      recovered\n      outstanding\n      reachedPatients\n      asOf\n    }\n  }\n": types.RecallSummaryFragmentDoc,
    "\n  query Recalls {\n    recalls {\n      ...RecallSummary\n    }\n  }\n": types.RecallsDocument,
    "\n  query RecallProgress($id: ID!) {\n    recall(id: $id) {\n      ...RecallSummary\n      progress {\n        byPosition {\n          position\n          units\n        }\n        byFacility {\n          units\n          returned\n          destroyed\n          dispensed\n          facility {\n            id\n            name\n            type\n            regency\n            province\n          }\n        }\n        returnedByDay {\n          day\n          units\n          total\n        }\n      }\n    }\n  }\n": types.RecallProgressDocument,
    "\n  mutation RecallBatch($nie: String!, $batch: String!, $reason: String!, $class: RecallClass) {\n    recallBatch(nie: $nie, batch: $batch, reason: $reason, class: $class) {\n      id\n      status\n      nie\n      batch\n    }\n  }\n": types.RecallBatchDocument,
    "\n  mutation CloseRecall($id: ID!) {\n    closeRecall(id: $id) {\n      id\n      status\n      closedAt\n    }\n  }\n": types.CloseRecallDocument,
    "\n  query RecallProducts($search: String) {\n    products(search: $search, first: 50) {\n      id\n      nie\n      name\n      strength\n      form\n    }\n  }\n": types.RecallProductsDocument,
    "\n  query ProductBatches($nie: String!) {\n    product(nie: $nie) {\n      id\n      nie\n      batches {\n        lot\n        expiry\n        recalled\n      }\n    }\n  }\n": types.ProductBatchesDocument,
    "\n  query HeldRecalls {\n    recalls {\n      id\n      status\n      reason\n      class\n      nie\n      batch\n      productName\n      createdAt\n      closedAt\n      pullList {\n        code\n        level\n        units\n      }\n    }\n  }\n": types.HeldRecallsDocument,
    "\n  query PullList($id: ID!, $facility: ID) {\n    recall(id: $id) {\n      id\n      status\n      reason\n      class\n      nie\n      batch\n      productName\n      createdAt\n      closedAt\n      pullList(facility: $facility) {\n        code\n        level\n        units\n        facilityId\n      }\n    }\n  }\n": types.PullListDocument,
    "\n  query Realisation($groupBy: RealisationGroup!, $filter: ReportFilter) {\n    realisation(groupBy: $groupBy, filter: $filter) {\n      key\n      label\n      issued\n      activated\n      shippedToDistributor\n      receivedByDistributor\n      shippedByDistributor\n      receivedByPharmacy\n      dispensed\n    }\n  }\n": types.RealisationDocument,
    "\n  query Stock($level: RegionLevel!, $filter: ReportFilter, $nearExpiryDays: Int!) {\n    stock(level: $level, filter: $filter, nearExpiryDays: $nearExpiryDays) {\n      asOf\n      nearExpiryDays\n      rows {\n        key\n        label\n        facility {\n          id\n          name\n        }\n        province\n        regency\n        product {\n          nie\n          name\n        }\n        batch\n        expiry\n        units\n        nearExpiry\n        recalled\n      }\n    }\n  }\n": types.StockDocument,
    "\n  query Shortages($filter: ReportFilter, $thresholdDays: Int!, $windowDays: Int!) {\n    shortages(filter: $filter, thresholdDays: $thresholdDays, windowDays: $windowDays) {\n      asOf\n      thresholdDays\n      windowDays\n      rows {\n        province\n        regency\n        product {\n          nie\n          name\n        }\n        stock\n        dailyRate\n        daysOfCover\n      }\n    }\n  }\n": types.ShortagesDocument,
    "\n  query GoodsFlow($filter: ReportFilter, $overdueDays: Int!) {\n    goodsFlow(filter: $filter, overdueDays: $overdueDays) {\n      asOf\n      overdueDays\n      rows {\n        direction\n        facility {\n          id\n          name\n        }\n        counterparty {\n          id\n          name\n        }\n        product {\n          nie\n          name\n        }\n        batch\n        units\n      }\n      overdue {\n        from {\n          id\n          name\n        }\n        to {\n          id\n          name\n        }\n        product {\n          nie\n          name\n        }\n        batch\n        since\n        units\n      }\n    }\n  }\n": types.GoodsFlowDocument,
    "\n  query Consumption($level: RegionLevel!, $filter: ReportFilter) {\n    consumption(level: $level, filter: $filter) {\n      asOf\n      rows {\n        month\n        province\n        regency\n        product {\n          nie\n          name\n        }\n        units\n      }\n    }\n  }\n": types.ConsumptionDocument,
    "\n  query ReportFacilities {\n    facilities {\n      id\n      name\n      type\n      regency\n      province\n    }\n  }\n": types.ReportFacilitiesDocument,
    "\n  fragment ShipmentSummary on Shipment {\n    id\n    number\n    kind\n    status\n    units\n    receivedUnits\n    createdAt\n    dispatchedAt\n    receivedAt\n    cancelledAt\n    from {\n      id\n      name\n    }\n    to {\n      id\n      name\n    }\n  }\n": types.ShipmentSummaryFragmentDoc,
    "\n  fragment ShipmentContents on Shipment {\n    lines {\n      product {\n        id\n        nie\n        name\n      }\n      batch\n      expiry\n      units\n      recalled\n    }\n    items {\n      packId\n      code\n      level\n      units\n      batch\n      expiry\n      recalled\n      status\n      product {\n        id\n        nie\n        name\n      }\n    }\n  }\n": types.ShipmentContentsFragmentDoc,
    "\n  query OutgoingShipments($status: [ShipmentStatus!]) {\n    outgoingShipments(status: $status) {\n      ...ShipmentSummary\n    }\n  }\n": types.OutgoingShipmentsDocument,
    "\n  query IncomingShipments($status: [ShipmentStatus!]) {\n    incomingShipments(status: $status) {\n      ...ShipmentSummary\n    }\n  }\n": types.IncomingShipmentsDocument,
    "\n  query Shipment($id: ID!) {\n    shipment(id: $id) {\n      ...ShipmentSummary\n      ...ShipmentContents\n    }\n  }\n": types.ShipmentDocument,
    "\n  query PackingList($id: ID!) {\n    shipment(id: $id) {\n      ...ShipmentSummary\n      ...ShipmentContents\n      gsin\n      barcode\n      from {\n        id\n        name\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n      to {\n        id\n        name\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n    }\n  }\n": types.PackingListDocument,
    "\n  query ShipmentByCode($code: String!) {\n    shipmentByCode(code: $code) {\n      ...ShipmentSummary\n    }\n  }\n": types.ShipmentByCodeDocument,
    "\n  mutation OpenShipment($to: ID!, $facility: ID) {\n    openShipment(to: $to, facility: $facility, source: SCAN) {\n      ...ShipmentSummary\n    }\n  }\n": types.OpenShipmentDocument,
    "\n  mutation DispatchShipment($id: ID!) {\n    dispatchShipment(id: $id) {\n      ...BulkResultFields\n    }\n  }\n": types.DispatchShipmentDocument,
    "\n  mutation CancelShipment($id: ID!) {\n    cancelShipment(id: $id) {\n      ...ShipmentSummary\n    }\n  }\n": types.CancelShipmentDocument,
    "\n  mutation ReceiveShipment($id: ID!, $codes: [String!], $facility: ID) {\n    receiveShipment(id: $id, codes: $codes, facility: $facility, source: SCAN) {\n      accepted\n      units\n      rejected {\n        code\n        reason\n        rule\n        message\n        row\n      }\n      missing\n      extra\n      recalled\n      shipment {\n        id\n        number\n      }\n    }\n  }\n": types.ReceiveShipmentDocument,
    "\n  query PackChildren($code: String!) {\n    trace(code: $code) {\n      pack {\n        id\n        childCount\n      }\n      children {\n        id\n        code\n        level\n        status\n        childCount\n      }\n    }\n  }\n": types.PackChildrenDocument,
    "\n  query StockOnHand($filter: ReportFilter, $nearExpiryDays: Int!) {\n    stock(level: FACILITY, filter: $filter, nearExpiryDays: $nearExpiryDays) {\n      asOf\n      nearExpiryDays\n      rows {\n        key\n        facility {\n          id\n          name\n        }\n        product {\n          nie\n          name\n        }\n        batch\n        expiry\n        units\n        nearExpiry\n        recalled\n      }\n    }\n  }\n": types.StockOnHandDocument,
    "\n  query StockFacilities {\n    me {\n      id\n      facilities {\n        id\n        name\n      }\n    }\n  }\n": types.StockFacilitiesDocument,
    "\n  query Trace($code: String!) {\n    trace(code: $code) {\n      pack {\n        id\n        code\n        level\n        status\n        batch\n        expiry\n        recalled\n        childCount\n        serial\n        sscc\n        product {\n          id\n          nie\n          name\n        }\n        custodian {\n          id\n          name\n        }\n        destination {\n          id\n          name\n        }\n      }\n      parent {\n        id\n        code\n        level\n        status\n      }\n      children {\n        id\n        code\n        level\n        status\n      }\n      events {\n        id\n        type\n        at\n        recordedAt\n        source\n        reason\n        parentCode\n        facility {\n          id\n          name\n          type\n          regency\n          province\n          latitude\n          longitude\n        }\n        counterparty {\n          id\n          name\n          type\n          regency\n          province\n        }\n        recordedBy {\n          kind\n          name\n        }\n      }\n    }\n  }\n": types.TraceDocument,
    "\n  query TraceSearch($filter: TraceSearchInput!, $first: Int, $after: String) {\n    traceSearch(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          code\n          level\n          status\n          batch\n          expiry\n          recalled\n          product {\n            id\n            nie\n            name\n          }\n          custodian {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.TraceSearchDocument,
    "\n  query TraceSearchOptions {\n    facilities {\n      id\n      name\n    }\n    products(first: 200) {\n      id\n      nie\n      name\n    }\n  }\n": types.TraceSearchOptionsDocument,
    "\n  query Users($organizationId: ID) {\n    users(organizationId: $organizationId) {\n      ...UserRow\n    }\n  }\n": types.UsersDocument,
    "\n  query UserOrganizations {\n    organizations {\n      id\n      name\n      type\n    }\n  }\n": types.UserOrganizationsDocument,
    "\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n": types.CreateUserDocument,
    "\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    active\n    disabledAt\n    mustChangePassword\n  }\n": types.UserRowFragmentDoc,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserRow\n    }\n  }\n": types.DisableUserDocument,
    "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...UserRow\n    }\n  }\n": types.EnableUserDocument,
    "\n  mutation ResetPassword($id: ID!) {\n    resetPassword(id: $id) {\n      temporaryPassword\n      expiresAt\n      user {\n        ...UserRow\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  query VerifyCode($code: String!, $latitude: Float, $longitude: Float) {\n    verify(code: $code, latitude: $latitude, longitude: $longitude) {\n      verdict\n      reasons\n      product {\n        name\n        nie\n        brand\n        form\n        strength\n        packaging\n        producer\n        registrant\n      }\n      batch\n      expiry\n      serial\n      status\n      activated\n      sample\n      dispensedAt\n      dispensedRegency\n      checkedAt\n    }\n  }\n": types.VerifyCodeDocument,
    "\n  mutation ReportSuspect($code: String!, $description: String, $latitude: Float, $longitude: Float, $photo: String) {\n    reportSuspect(code: $code, description: $description, latitude: $latitude, longitude: $longitude, photo: $photo) {\n      id\n      hasPhoto\n      alertId\n    }\n  }\n": types.ReportSuspectDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      sessionsEnded\n      user {\n        id\n        mustChangePassword\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      sessionsEnded\n      user {\n        id\n        mustChangePassword\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastUsedAt\n      expiresAt\n      userAgent\n      address\n      current\n    }\n  }\n"): (typeof documents)["\n  query MySessions {\n    mySessions {\n      id\n      createdAt\n      lastUsedAt\n      expiresAt\n      userAgent\n      address\n      current\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n"): (typeof documents)["\n  mutation EndSession($id: ID!) {\n    endSession(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n"): (typeof documents)["\n  mutation EndOtherSessions {\n    endOtherSessions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertSummary on Alert {\n    id\n    reason\n    severity\n    status\n    resolution\n    code\n    occurrences\n    firstSeenAt\n    lastSeenAt\n    batch\n    product {\n      nie\n      name\n    }\n    facility {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment AlertSummary on Alert {\n    id\n    reason\n    severity\n    status\n    resolution\n    code\n    occurrences\n    firstSeenAt\n    lastSeenAt\n    batch\n    product {\n      nie\n      name\n    }\n    facility {\n      id\n      name\n    }\n    assignee {\n      id\n      name\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts($status: AlertStatus, $first: Int) {\n    alerts(status: $status, first: $first) {\n      ...AlertSummary\n    }\n  }\n"): (typeof documents)["\n  query Alerts($status: AlertStatus, $first: Int) {\n    alerts(status: $status, first: $first) {\n      ...AlertSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertPage($first: Int, $after: String, $filter: AlertFilterInput) {\n    alertConnection(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AlertSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AlertPage($first: Int, $after: String, $filter: AlertFilterInput) {\n    alertConnection(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AlertSummary\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertFilterOptions {\n    facilities {\n      id\n      name\n    }\n    products(first: 200) {\n      id\n      nie\n      name\n    }\n  }\n"): (typeof documents)["\n  query AlertFilterOptions {\n    facilities {\n      id\n      name\n    }\n    products(first: 200) {\n      id\n      nie\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignAlerts($ids: [ID!]!, $userId: ID) {\n    assignAlerts(ids: $ids, userId: $userId) {\n      updated {\n        id\n        status\n        assignee {\n          id\n          name\n          email\n        }\n      }\n      skipped {\n        id\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignAlerts($ids: [ID!]!, $userId: ID) {\n    assignAlerts(ids: $ids, userId: $userId) {\n      updated {\n        id\n        status\n        assignee {\n          id\n          name\n          email\n        }\n      }\n      skipped {\n        id\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseAlerts($ids: [ID!]!, $resolution: AlertResolution!, $comment: String) {\n    closeAlerts(ids: $ids, resolution: $resolution, comment: $comment) {\n      updated {\n        id\n        status\n        resolution\n      }\n      skipped {\n        id\n        reason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CloseAlerts($ids: [ID!]!, $resolution: AlertResolution!, $comment: String) {\n    closeAlerts(ids: $ids, resolution: $resolution, comment: $comment) {\n      updated {\n        id\n        status\n        resolution\n      }\n      skipped {\n        id\n        reason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alert($id: ID!) {\n    alert(id: $id) {\n      ...AlertSummary\n      evidence {\n        at\n        kind\n        observation\n        params {\n          name\n          value\n        }\n        code\n        latitude\n        longitude\n        facility\n      }\n      comments {\n        text\n        at\n        author\n      }\n      complaints {\n        id\n        description\n        hasPhoto\n        createdAt\n        latitude\n        longitude\n      }\n    }\n  }\n"): (typeof documents)["\n  query Alert($id: ID!) {\n    alert(id: $id) {\n      ...AlertSummary\n      evidence {\n        at\n        kind\n        observation\n        params {\n          name\n          value\n        }\n        code\n        latitude\n        longitude\n        facility\n      }\n      comments {\n        text\n        at\n        author\n      }\n      complaints {\n        id\n        description\n        hasPhoto\n        createdAt\n        latitude\n        longitude\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Complaints($first: Int) {\n    complaints(first: $first) {\n      id\n      code\n      description\n      latitude\n      longitude\n      hasPhoto\n      alertId\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query Complaints($first: Int) {\n    complaints(first: $first) {\n      id\n      code\n      description\n      latitude\n      longitude\n      hasPhoto\n      alertId\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertAssignees {\n    users {\n      id\n      name\n      role\n    }\n  }\n"): (typeof documents)["\n  query AlertAssignees {\n    users {\n      id\n      name\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignAlert($id: ID!, $userId: ID) {\n    assignAlert(id: $id, userId: $userId) {\n      id\n      status\n      assignee {\n        id\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignAlert($id: ID!, $userId: ID) {\n    assignAlert(id: $id, userId: $userId) {\n      id\n      status\n      assignee {\n        id\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentAlert($id: ID!, $text: String!) {\n    commentAlert(id: $id, text: $text) {\n      text\n      at\n      author\n    }\n  }\n"): (typeof documents)["\n  mutation CommentAlert($id: ID!, $text: String!) {\n    commentAlert(id: $id, text: $text) {\n      text\n      at\n      author\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseAlert($id: ID!, $resolution: AlertResolution!, $comment: String) {\n    closeAlert(id: $id, resolution: $resolution, comment: $comment) {\n      id\n      status\n      resolution\n    }\n  }\n"): (typeof documents)["\n  mutation CloseAlert($id: ID!, $resolution: AlertResolution!, $comment: String) {\n    closeAlert(id: $id, resolution: $resolution, comment: $comment) {\n      id\n      status\n      resolution\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      revokedAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys {\n      id\n      name\n      prefix\n      createdAt\n      lastUsedAt\n      revokedAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($name: String!, $expiresAt: DateTimeISO) {\n    createApiKey(name: $name, expiresAt: $expiresAt) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($name: String!, $expiresAt: DateTimeISO) {\n    createApiKey(name: $name, expiresAt: $expiresAt) {\n      secret\n      apiKey {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalQueue($status: CodeRequestStatus, $first: Int) {\n    codeRequests(status: $status, first: $first) {\n      id\n      status\n      kind\n      product {\n        id\n        nie\n        name\n        registrant {\n          id\n          name\n        }\n      }\n      batch\n      expiry\n      quantity\n      unitsPerCase\n      casesPerPallet\n      gtin\n      reason\n      createdAt\n      decidedAt\n    }\n  }\n"): (typeof documents)["\n  query ApprovalQueue($status: CodeRequestStatus, $first: Int) {\n    codeRequests(status: $status, first: $first) {\n      id\n      status\n      kind\n      product {\n        id\n        nie\n        name\n        registrant {\n          id\n          name\n        }\n      }\n      batch\n      expiry\n      quantity\n      unitsPerCase\n      casesPerPallet\n      gtin\n      reason\n      createdAt\n      decidedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveCodeRequest($id: ID!) {\n    approveCodeRequest(id: $id) {\n      id\n      status\n      decidedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveCodeRequest($id: ID!) {\n    approveCodeRequest(id: $id) {\n      id\n      status\n      decidedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectCodeRequest($id: ID!, $reason: String!) {\n    rejectCodeRequest(id: $id, reason: $reason) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RejectCodeRequest($id: ID!, $reason: String!) {\n    rejectCodeRequest(id: $id, reason: $reason) {\n      id\n      status\n      reason\n      decidedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($first: Int, $after: String, $action: AuditAction, $organizationId: ID) {\n    auditEvents(first: $first, after: $after, action: $action, organizationId: $organizationId) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actorEmail\n          targetType\n          targetLabel\n          address\n          sessionsEnded\n          expiresAt\n          failures\n          retryAfterSeconds\n          organization {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($first: Int, $after: String, $action: AuditAction, $organizationId: ID) {\n    auditEvents(first: $first, after: $after, action: $action, organizationId: $organizationId) {\n      edges {\n        cursor\n        node {\n          id\n          at\n          action\n          actorEmail\n          targetType\n          targetLabel\n          address\n          sessionsEnded\n          expiresAt\n          failures\n          retryAfterSeconds\n          organization {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditOrganizations {\n    organizations {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AuditOrganizations {\n    organizations {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      mustChangePassword\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      expiresAt\n      mustChangePassword\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      name\n      email\n      role\n      mustChangePassword\n      organization {\n        id\n        name\n        type\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      name\n      email\n      role\n      mustChangePassword\n      organization {\n        id\n        name\n        type\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CodeRequestFields on CodeRequest {\n    id\n    kind\n    status\n    reason\n    batch\n    expiry\n    quantity\n    gtin\n    unitsPerCase\n    casesPerPallet\n    createdAt\n    decidedAt\n    product {\n      id\n      nie\n      name\n      gtin\n    }\n  }\n"): (typeof documents)["\n  fragment CodeRequestFields on CodeRequest {\n    id\n    kind\n    status\n    reason\n    batch\n    expiry\n    quantity\n    gtin\n    unitsPerCase\n    casesPerPallet\n    createdAt\n    decidedAt\n    product {\n      id\n      nie\n      name\n      gtin\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadSerials($input: SerialUploadInput!) {\n    uploadSerials(input: $input) {\n      ...BulkResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation UploadSerials($input: SerialUploadInput!) {\n    uploadSerials(input: $input) {\n      ...BulkResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CodeRequests($status: CodeRequestStatus, $first: Int) {\n    codeRequests(status: $status, first: $first) {\n      ...CodeRequestFields\n    }\n  }\n"): (typeof documents)["\n  query CodeRequests($status: CodeRequestStatus, $first: Int) {\n    codeRequests(status: $status, first: $first) {\n      ...CodeRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CodeRequest($id: ID!, $first: Int, $after: String) {\n    codeRequest(id: $id) {\n      ...CodeRequestFields\n      codes(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            serial\n            sscc\n            text\n            raw\n            digitalLink\n            level\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CodeRequest($id: ID!, $first: Int, $after: String) {\n    codeRequest(id: $id) {\n      ...CodeRequestFields\n      codes(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            serial\n            sscc\n            text\n            raw\n            digitalLink\n            level\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestCodes($input: CodeRequestInput!) {\n    requestCodes(input: $input) {\n      ...CodeRequestFields\n    }\n  }\n"): (typeof documents)["\n  mutation RequestCodes($input: CodeRequestInput!) {\n    requestCodes(input: $input) {\n      ...CodeRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestProduct($nie: String!) {\n    product(nie: $nie) {\n      id\n      nie\n      name\n      gtin\n      serialised\n    }\n  }\n"): (typeof documents)["\n  query RequestProduct($nie: String!) {\n    product(nie: $nie) {\n      id\n      nie\n      name\n      gtin\n      serialised\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Facilities($type: FacilityType, $search: String) {\n    facilities(type: $type, search: $search) {\n      id\n      name\n      type\n      address\n      regency\n      province\n      licenceNumber\n      gln\n    }\n  }\n"): (typeof documents)["\n  query Facilities($type: FacilityType, $search: String) {\n    facilities(type: $type, search: $search) {\n      id\n      name\n      type\n      address\n      regency\n      province\n      licenceNumber\n      gln\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateFacility($input: FacilityInput!) {\n    createFacility(input: $input) {\n      id\n      name\n      type\n      gln\n    }\n  }\n"): (typeof documents)["\n  mutation CreateFacility($input: FacilityInput!) {\n    createFacility(input: $input) {\n      id\n      name\n      type\n      gln\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    me {\n      id\n      name\n      email\n      role\n      organization {\n        id\n        name\n        type\n      }\n      facilities {\n        id\n        name\n        type\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    me {\n      id\n      name\n      email\n      role\n      organization {\n        id\n        name\n        type\n      }\n      facilities {\n        id\n        name\n        type\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkQueue {\n    workQueue {\n      kind\n      count\n    }\n  }\n"): (typeof documents)["\n  query WorkQueue {\n    workQueue {\n      kind\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InspectionReadFields on InspectionRead {\n    id\n    code\n    verdict\n    reasons\n    custody\n    expectedFacility {\n      id\n      name\n    }\n    productName\n    batch\n    readAt\n    repeated\n  }\n"): (typeof documents)["\n  fragment InspectionReadFields on InspectionRead {\n    id\n    code\n    verdict\n    reasons\n    custody\n    expectedFacility {\n      id\n      name\n    }\n    productName\n    batch\n    readAt\n    repeated\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InspectionSummaryFields on InspectionSummary {\n    reads\n    notAtCustodian\n    findings\n    byVerdict {\n      verdict\n      count\n    }\n    byCustody {\n      custody\n      count\n    }\n  }\n"): (typeof documents)["\n  fragment InspectionSummaryFields on InspectionSummary {\n    reads\n    notAtCustodian\n    findings\n    byVerdict {\n      verdict\n      count\n    }\n    byCustody {\n      custody\n      count\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inspection($id: ID!) {\n    inspection(id: $id) {\n      id\n      status\n      openedAt\n      closedAt\n      inspector\n      facility {\n        id\n        name\n        regency\n      }\n      reads {\n        ...InspectionReadFields\n      }\n      findings {\n        id\n        text\n        hasPhoto\n        createdAt\n      }\n      summary {\n        ...InspectionSummaryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inspection($id: ID!) {\n    inspection(id: $id) {\n      id\n      status\n      openedAt\n      closedAt\n      inspector\n      facility {\n        id\n        name\n        regency\n      }\n      reads {\n        ...InspectionReadFields\n      }\n      findings {\n        id\n        text\n        hasPhoto\n        createdAt\n      }\n      summary {\n        ...InspectionSummaryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inspections($status: InspectionStatus, $first: Int) {\n    inspections(status: $status, first: $first) {\n      id\n      status\n      openedAt\n      closedAt\n      inspector\n      facility {\n        id\n        name\n      }\n      summary {\n        reads\n        notAtCustodian\n        findings\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inspections($status: InspectionStatus, $first: Int) {\n    inspections(status: $status, first: $first) {\n      id\n      status\n      openedAt\n      closedAt\n      inspector\n      facility {\n        id\n        name\n      }\n      summary {\n        reads\n        notAtCustodian\n        findings\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InspectableFacilities($search: String) {\n    facilities(search: $search) {\n      id\n      name\n      type\n      regency\n    }\n  }\n"): (typeof documents)["\n  query InspectableFacilities($search: String) {\n    facilities(search: $search) {\n      id\n      name\n      type\n      regency\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenInspection($facility: ID!) {\n    openInspection(facility: $facility) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation OpenInspection($facility: ID!) {\n    openInspection(facility: $facility) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordInspectionRead($inspection: ID!, $code: String!, $latitude: Float, $longitude: Float) {\n    recordInspectionRead(inspection: $inspection, code: $code, latitude: $latitude, longitude: $longitude) {\n      ...InspectionReadFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordInspectionRead($inspection: ID!, $code: String!, $latitude: Float, $longitude: Float) {\n    recordInspectionRead(inspection: $inspection, code: $code, latitude: $latitude, longitude: $longitude) {\n      ...InspectionReadFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddInspectionFinding($inspection: ID!, $text: String!, $photo: String) {\n    addInspectionFinding(inspection: $inspection, text: $text, photo: $photo) {\n      id\n      text\n      hasPhoto\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation AddInspectionFinding($inspection: ID!, $text: String!, $photo: String) {\n    addInspectionFinding(inspection: $inspection, text: $text, photo: $photo) {\n      id\n      text\n      hasPhoto\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseInspection($inspection: ID!) {\n    closeInspection(inspection: $inspection) {\n      id\n      status\n      closedAt\n      summary {\n        ...InspectionSummaryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CloseInspection($inspection: ID!) {\n    closeInspection(inspection: $inspection) {\n      id\n      status\n      closedAt\n      summary {\n        ...InspectionSummaryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InspectionSummary($id: ID!) {\n    inspection(id: $id) {\n      id\n      summary {\n        ...InspectionSummaryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query InspectionSummary($id: ID!) {\n    inspection(id: $id) {\n      id\n      summary {\n        ...InspectionSummaryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Ledger($first: Int) {\n    ledgerDays(first: $first) {\n      day\n      events\n      root\n      previousRoot\n      keyId\n      publishedAt\n    }\n    lastLedgerCheck {\n      ...LedgerCheckFields\n    }\n  }\n"): (typeof documents)["\n  query Ledger($first: Int) {\n    ledgerDays(first: $first) {\n      day\n      events\n      root\n      previousRoot\n      keyId\n      publishedAt\n    }\n    lastLedgerCheck {\n      ...LedgerCheckFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LedgerCheckFields on LedgerCheck {\n    ok\n    checkedEvents\n    firstBadEventId\n    problem\n    from\n    to\n    checkedAt\n  }\n"): (typeof documents)["\n  fragment LedgerCheckFields on LedgerCheck {\n    ok\n    checkedEvents\n    firstBadEventId\n    problem\n    from\n    to\n    checkedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyLedger($from: String, $to: String) {\n    verifyLedger(from: $from, to: $to) {\n      ...LedgerCheckFields\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyLedger($from: String, $to: String) {\n    verifyLedger(from: $from, to: $to) {\n      ...LedgerCheckFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Lifecycle {\n    lifecycle {\n      movements {\n        movement\n        actors\n      }\n      routes {\n        movement\n        from\n        to\n      }\n      decommissionReasons\n      undoWindowDays\n      reportedWindowDays\n      reportTimeZone\n    }\n  }\n"): (typeof documents)["\n  query Lifecycle {\n    lifecycle {\n      movements {\n        movement\n        actors\n      }\n      routes {\n        movement\n        from\n        to\n      }\n      decommissionReasons\n      undoWindowDays\n      reportedWindowDays\n      reportTimeZone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BulkResultFields on BulkResult {\n    accepted\n    units\n    rejected {\n      code\n      reason\n      rule\n      message\n      row\n    }\n    recalled\n    shipment {\n      id\n      number\n    }\n  }\n"): (typeof documents)["\n  fragment BulkResultFields on BulkResult {\n    accepted\n    units\n    rejected {\n      code\n      reason\n      rule\n      message\n      row\n    }\n    recalled\n    shipment {\n      id\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Activate($codes: [String!]!, $facility: ID) {\n    activate(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation Activate($codes: [String!]!, $facility: ID) {\n    activate(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Aggregate($parent: String!, $children: [String!]!, $facility: ID) {\n    aggregate(parent: $parent, children: $children, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation Aggregate($parent: String!, $children: [String!]!, $facility: ID) {\n    aggregate(parent: $parent, children: $children, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Ship($codes: [String!]!, $to: ID!, $shipment: ID, $facility: ID) {\n    ship(codes: $codes, to: $to, shipment: $shipment, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation Ship($codes: [String!]!, $to: ID!, $shipment: ID, $facility: ID) {\n    ship(codes: $codes, to: $to, shipment: $shipment, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReturnPacks($codes: [String!]!, $to: ID!, $facility: ID) {\n    returnPacks(codes: $codes, to: $to, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReturnPacks($codes: [String!]!, $to: ID!, $facility: ID) {\n    returnPacks(codes: $codes, to: $to, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Receive($codes: [String!]!, $facility: ID) {\n    receive(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation Receive($codes: [String!]!, $facility: ID) {\n    receive(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Dispense($codes: [String!]!, $facility: ID) {\n    dispense(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation Dispense($codes: [String!]!, $facility: ID) {\n    dispense(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Decommission($codes: [String!]!, $reason: DecommissionReason!, $facility: ID) {\n    decommission(codes: $codes, reason: $reason, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation Decommission($codes: [String!]!, $reason: DecommissionReason!, $facility: ID) {\n    decommission(codes: $codes, reason: $reason, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Undo($codes: [String!]!, $facility: ID) {\n    undo(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation Undo($codes: [String!]!, $facility: ID) {\n    undo(codes: $codes, facility: $facility, source: SCAN) {\n      ...BulkResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MovementFacilities {\n    me {\n      id\n      facilities {\n        id\n        name\n        type\n      }\n    }\n  }\n"): (typeof documents)["\n  query MovementFacilities {\n    me {\n      id\n      facilities {\n        id\n        name\n        type\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Destinations($type: FacilityType, $search: String) {\n    facilities(type: $type, search: $search) {\n      id\n      name\n      type\n      regency\n      province\n    }\n  }\n"): (typeof documents)["\n  query Destinations($type: FacilityType, $search: String) {\n    facilities(type: $type, search: $search) {\n      id\n      name\n      type\n      regency\n      province\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ParentPack($code: String!) {\n    pack(code: $code) {\n      id\n      code\n      level\n      status\n      childCount\n      capacity\n      batch\n      expiry\n      product {\n        nie\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ParentPack($code: String!) {\n    pack(code: $code) {\n      id\n      code\n      level\n      status\n      childCount\n      capacity\n      batch\n      expiry\n      product {\n        nie\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateCodeRequest($id: ID!, $after: String, $first: Int, $facility: ID) {\n    activateCodeRequest(id: $id, after: $after, first: $first, facility: $facility, source: SCAN) {\n      result {\n        ...BulkResultFields\n      }\n      endCursor\n      hasMore\n      remaining\n      total\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateCodeRequest($id: ID!, $after: String, $first: Int, $facility: ID) {\n    activateCodeRequest(id: $id, after: $after, first: $first, facility: $facility, source: SCAN) {\n      result {\n        ...BulkResultFields\n      }\n      endCursor\n      hasMore\n      remaining\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    createdAt\n    read\n    facilityId\n    facilityName\n    shipmentId\n    shipmentNumber\n    counterparty\n    recallId\n    nie\n    productName\n    batch\n    units\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id\n    kind\n    createdAt\n    read\n    facilityId\n    facilityName\n    shipmentId\n    shipmentNumber\n    counterparty\n    recallId\n    nie\n    productName\n    batch\n    units\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int, $unreadOnly: Boolean) {\n    notifications(first: $first, unreadOnly: $unreadOnly) {\n      unread\n      items {\n        ...NotificationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int, $unreadOnly: Boolean) {\n    notifications(first: $first, unreadOnly: $unreadOnly) {\n      unread\n      items {\n        ...NotificationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotifications {\n    notifications(first: 1, unreadOnly: true) {\n      unread\n    }\n  }\n"): (typeof documents)["\n  query UnreadNotifications {\n    notifications(first: 1, unreadOnly: true) {\n      unread\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Organizations($type: OrganizationType) {\n    organizations(type: $type) {\n      id\n      name\n      type\n    }\n  }\n"): (typeof documents)["\n  query Organizations($type: OrganizationType) {\n    organizations(type: $type) {\n      id\n      name\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      type\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      name\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductFields on Product {\n    id\n    nie\n    name\n    brand\n    form\n    strength\n    packaging\n    producer\n    gtin\n    serialised\n  }\n"): (typeof documents)["\n  fragment ProductFields on Product {\n    id\n    nie\n    name\n    brand\n    form\n    strength\n    packaging\n    producer\n    gtin\n    serialised\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Products($search: String, $first: Int) {\n    products(search: $search, first: $first) {\n      ...ProductFields\n    }\n  }\n"): (typeof documents)["\n  query Products($search: String, $first: Int) {\n    products(search: $search, first: $first) {\n      ...ProductFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Product($nie: String!) {\n    product(nie: $nie) {\n      ...ProductFields\n    }\n  }\n"): (typeof documents)["\n  query Product($nie: String!) {\n    product(nie: $nie) {\n      ...ProductFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      ...ProductFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      ...ProductFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($nie: String!, $input: ProductUpdateInput!) {\n    updateProduct(nie: $nie, input: $input) {\n      ...ProductFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProduct($nie: String!, $input: ProductUpdateInput!) {\n    updateProduct(nie: $nie, input: $input) {\n      ...ProductFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecallSummary on Recall {\n    id\n    status\n    reason\n    class\n    nie\n    batch\n    productName\n    createdAt\n    closedAt\n    progress {\n      totalUnits\n      released\n      recovered\n      outstanding\n      reachedPatients\n      asOf\n    }\n  }\n"): (typeof documents)["\n  fragment RecallSummary on Recall {\n    id\n    status\n    reason\n    class\n    nie\n    batch\n    productName\n    createdAt\n    closedAt\n    progress {\n      totalUnits\n      released\n      recovered\n      outstanding\n      reachedPatients\n      asOf\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Recalls {\n    recalls {\n      ...RecallSummary\n    }\n  }\n"): (typeof documents)["\n  query Recalls {\n    recalls {\n      ...RecallSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecallProgress($id: ID!) {\n    recall(id: $id) {\n      ...RecallSummary\n      progress {\n        byPosition {\n          position\n          units\n        }\n        byFacility {\n          units\n          returned\n          destroyed\n          dispensed\n          facility {\n            id\n            name\n            type\n            regency\n            province\n          }\n        }\n        returnedByDay {\n          day\n          units\n          total\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RecallProgress($id: ID!) {\n    recall(id: $id) {\n      ...RecallSummary\n      progress {\n        byPosition {\n          position\n          units\n        }\n        byFacility {\n          units\n          returned\n          destroyed\n          dispensed\n          facility {\n            id\n            name\n            type\n            regency\n            province\n          }\n        }\n        returnedByDay {\n          day\n          units\n          total\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecallBatch($nie: String!, $batch: String!, $reason: String!, $class: RecallClass) {\n    recallBatch(nie: $nie, batch: $batch, reason: $reason, class: $class) {\n      id\n      status\n      nie\n      batch\n    }\n  }\n"): (typeof documents)["\n  mutation RecallBatch($nie: String!, $batch: String!, $reason: String!, $class: RecallClass) {\n    recallBatch(nie: $nie, batch: $batch, reason: $reason, class: $class) {\n      id\n      status\n      nie\n      batch\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseRecall($id: ID!) {\n    closeRecall(id: $id) {\n      id\n      status\n      closedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CloseRecall($id: ID!) {\n    closeRecall(id: $id) {\n      id\n      status\n      closedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecallProducts($search: String) {\n    products(search: $search, first: 50) {\n      id\n      nie\n      name\n      strength\n      form\n    }\n  }\n"): (typeof documents)["\n  query RecallProducts($search: String) {\n    products(search: $search, first: 50) {\n      id\n      nie\n      name\n      strength\n      form\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductBatches($nie: String!) {\n    product(nie: $nie) {\n      id\n      nie\n      batches {\n        lot\n        expiry\n        recalled\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProductBatches($nie: String!) {\n    product(nie: $nie) {\n      id\n      nie\n      batches {\n        lot\n        expiry\n        recalled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HeldRecalls {\n    recalls {\n      id\n      status\n      reason\n      class\n      nie\n      batch\n      productName\n      createdAt\n      closedAt\n      pullList {\n        code\n        level\n        units\n      }\n    }\n  }\n"): (typeof documents)["\n  query HeldRecalls {\n    recalls {\n      id\n      status\n      reason\n      class\n      nie\n      batch\n      productName\n      createdAt\n      closedAt\n      pullList {\n        code\n        level\n        units\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PullList($id: ID!, $facility: ID) {\n    recall(id: $id) {\n      id\n      status\n      reason\n      class\n      nie\n      batch\n      productName\n      createdAt\n      closedAt\n      pullList(facility: $facility) {\n        code\n        level\n        units\n        facilityId\n      }\n    }\n  }\n"): (typeof documents)["\n  query PullList($id: ID!, $facility: ID) {\n    recall(id: $id) {\n      id\n      status\n      reason\n      class\n      nie\n      batch\n      productName\n      createdAt\n      closedAt\n      pullList(facility: $facility) {\n        code\n        level\n        units\n        facilityId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Realisation($groupBy: RealisationGroup!, $filter: ReportFilter) {\n    realisation(groupBy: $groupBy, filter: $filter) {\n      key\n      label\n      issued\n      activated\n      shippedToDistributor\n      receivedByDistributor\n      shippedByDistributor\n      receivedByPharmacy\n      dispensed\n    }\n  }\n"): (typeof documents)["\n  query Realisation($groupBy: RealisationGroup!, $filter: ReportFilter) {\n    realisation(groupBy: $groupBy, filter: $filter) {\n      key\n      label\n      issued\n      activated\n      shippedToDistributor\n      receivedByDistributor\n      shippedByDistributor\n      receivedByPharmacy\n      dispensed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Stock($level: RegionLevel!, $filter: ReportFilter, $nearExpiryDays: Int!) {\n    stock(level: $level, filter: $filter, nearExpiryDays: $nearExpiryDays) {\n      asOf\n      nearExpiryDays\n      rows {\n        key\n        label\n        facility {\n          id\n          name\n        }\n        province\n        regency\n        product {\n          nie\n          name\n        }\n        batch\n        expiry\n        units\n        nearExpiry\n        recalled\n      }\n    }\n  }\n"): (typeof documents)["\n  query Stock($level: RegionLevel!, $filter: ReportFilter, $nearExpiryDays: Int!) {\n    stock(level: $level, filter: $filter, nearExpiryDays: $nearExpiryDays) {\n      asOf\n      nearExpiryDays\n      rows {\n        key\n        label\n        facility {\n          id\n          name\n        }\n        province\n        regency\n        product {\n          nie\n          name\n        }\n        batch\n        expiry\n        units\n        nearExpiry\n        recalled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Shortages($filter: ReportFilter, $thresholdDays: Int!, $windowDays: Int!) {\n    shortages(filter: $filter, thresholdDays: $thresholdDays, windowDays: $windowDays) {\n      asOf\n      thresholdDays\n      windowDays\n      rows {\n        province\n        regency\n        product {\n          nie\n          name\n        }\n        stock\n        dailyRate\n        daysOfCover\n      }\n    }\n  }\n"): (typeof documents)["\n  query Shortages($filter: ReportFilter, $thresholdDays: Int!, $windowDays: Int!) {\n    shortages(filter: $filter, thresholdDays: $thresholdDays, windowDays: $windowDays) {\n      asOf\n      thresholdDays\n      windowDays\n      rows {\n        province\n        regency\n        product {\n          nie\n          name\n        }\n        stock\n        dailyRate\n        daysOfCover\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GoodsFlow($filter: ReportFilter, $overdueDays: Int!) {\n    goodsFlow(filter: $filter, overdueDays: $overdueDays) {\n      asOf\n      overdueDays\n      rows {\n        direction\n        facility {\n          id\n          name\n        }\n        counterparty {\n          id\n          name\n        }\n        product {\n          nie\n          name\n        }\n        batch\n        units\n      }\n      overdue {\n        from {\n          id\n          name\n        }\n        to {\n          id\n          name\n        }\n        product {\n          nie\n          name\n        }\n        batch\n        since\n        units\n      }\n    }\n  }\n"): (typeof documents)["\n  query GoodsFlow($filter: ReportFilter, $overdueDays: Int!) {\n    goodsFlow(filter: $filter, overdueDays: $overdueDays) {\n      asOf\n      overdueDays\n      rows {\n        direction\n        facility {\n          id\n          name\n        }\n        counterparty {\n          id\n          name\n        }\n        product {\n          nie\n          name\n        }\n        batch\n        units\n      }\n      overdue {\n        from {\n          id\n          name\n        }\n        to {\n          id\n          name\n        }\n        product {\n          nie\n          name\n        }\n        batch\n        since\n        units\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Consumption($level: RegionLevel!, $filter: ReportFilter) {\n    consumption(level: $level, filter: $filter) {\n      asOf\n      rows {\n        month\n        province\n        regency\n        product {\n          nie\n          name\n        }\n        units\n      }\n    }\n  }\n"): (typeof documents)["\n  query Consumption($level: RegionLevel!, $filter: ReportFilter) {\n    consumption(level: $level, filter: $filter) {\n      asOf\n      rows {\n        month\n        province\n        regency\n        product {\n          nie\n          name\n        }\n        units\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportFacilities {\n    facilities {\n      id\n      name\n      type\n      regency\n      province\n    }\n  }\n"): (typeof documents)["\n  query ReportFacilities {\n    facilities {\n      id\n      name\n      type\n      regency\n      province\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShipmentSummary on Shipment {\n    id\n    number\n    kind\n    status\n    units\n    receivedUnits\n    createdAt\n    dispatchedAt\n    receivedAt\n    cancelledAt\n    from {\n      id\n      name\n    }\n    to {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ShipmentSummary on Shipment {\n    id\n    number\n    kind\n    status\n    units\n    receivedUnits\n    createdAt\n    dispatchedAt\n    receivedAt\n    cancelledAt\n    from {\n      id\n      name\n    }\n    to {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShipmentContents on Shipment {\n    lines {\n      product {\n        id\n        nie\n        name\n      }\n      batch\n      expiry\n      units\n      recalled\n    }\n    items {\n      packId\n      code\n      level\n      units\n      batch\n      expiry\n      recalled\n      status\n      product {\n        id\n        nie\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ShipmentContents on Shipment {\n    lines {\n      product {\n        id\n        nie\n        name\n      }\n      batch\n      expiry\n      units\n      recalled\n    }\n    items {\n      packId\n      code\n      level\n      units\n      batch\n      expiry\n      recalled\n      status\n      product {\n        id\n        nie\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OutgoingShipments($status: [ShipmentStatus!]) {\n    outgoingShipments(status: $status) {\n      ...ShipmentSummary\n    }\n  }\n"): (typeof documents)["\n  query OutgoingShipments($status: [ShipmentStatus!]) {\n    outgoingShipments(status: $status) {\n      ...ShipmentSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncomingShipments($status: [ShipmentStatus!]) {\n    incomingShipments(status: $status) {\n      ...ShipmentSummary\n    }\n  }\n"): (typeof documents)["\n  query IncomingShipments($status: [ShipmentStatus!]) {\n    incomingShipments(status: $status) {\n      ...ShipmentSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Shipment($id: ID!) {\n    shipment(id: $id) {\n      ...ShipmentSummary\n      ...ShipmentContents\n    }\n  }\n"): (typeof documents)["\n  query Shipment($id: ID!) {\n    shipment(id: $id) {\n      ...ShipmentSummary\n      ...ShipmentContents\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PackingList($id: ID!) {\n    shipment(id: $id) {\n      ...ShipmentSummary\n      ...ShipmentContents\n      gsin\n      barcode\n      from {\n        id\n        name\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n      to {\n        id\n        name\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n    }\n  }\n"): (typeof documents)["\n  query PackingList($id: ID!) {\n    shipment(id: $id) {\n      ...ShipmentSummary\n      ...ShipmentContents\n      gsin\n      barcode\n      from {\n        id\n        name\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n      to {\n        id\n        name\n        address\n        regency\n        province\n        licenceNumber\n        gln\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShipmentByCode($code: String!) {\n    shipmentByCode(code: $code) {\n      ...ShipmentSummary\n    }\n  }\n"): (typeof documents)["\n  query ShipmentByCode($code: String!) {\n    shipmentByCode(code: $code) {\n      ...ShipmentSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenShipment($to: ID!, $facility: ID) {\n    openShipment(to: $to, facility: $facility, source: SCAN) {\n      ...ShipmentSummary\n    }\n  }\n"): (typeof documents)["\n  mutation OpenShipment($to: ID!, $facility: ID) {\n    openShipment(to: $to, facility: $facility, source: SCAN) {\n      ...ShipmentSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DispatchShipment($id: ID!) {\n    dispatchShipment(id: $id) {\n      ...BulkResultFields\n    }\n  }\n"): (typeof documents)["\n  mutation DispatchShipment($id: ID!) {\n    dispatchShipment(id: $id) {\n      ...BulkResultFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelShipment($id: ID!) {\n    cancelShipment(id: $id) {\n      ...ShipmentSummary\n    }\n  }\n"): (typeof documents)["\n  mutation CancelShipment($id: ID!) {\n    cancelShipment(id: $id) {\n      ...ShipmentSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceiveShipment($id: ID!, $codes: [String!], $facility: ID) {\n    receiveShipment(id: $id, codes: $codes, facility: $facility, source: SCAN) {\n      accepted\n      units\n      rejected {\n        code\n        reason\n        rule\n        message\n        row\n      }\n      missing\n      extra\n      recalled\n      shipment {\n        id\n        number\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReceiveShipment($id: ID!, $codes: [String!], $facility: ID) {\n    receiveShipment(id: $id, codes: $codes, facility: $facility, source: SCAN) {\n      accepted\n      units\n      rejected {\n        code\n        reason\n        rule\n        message\n        row\n      }\n      missing\n      extra\n      recalled\n      shipment {\n        id\n        number\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PackChildren($code: String!) {\n    trace(code: $code) {\n      pack {\n        id\n        childCount\n      }\n      children {\n        id\n        code\n        level\n        status\n        childCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query PackChildren($code: String!) {\n    trace(code: $code) {\n      pack {\n        id\n        childCount\n      }\n      children {\n        id\n        code\n        level\n        status\n        childCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockOnHand($filter: ReportFilter, $nearExpiryDays: Int!) {\n    stock(level: FACILITY, filter: $filter, nearExpiryDays: $nearExpiryDays) {\n      asOf\n      nearExpiryDays\n      rows {\n        key\n        facility {\n          id\n          name\n        }\n        product {\n          nie\n          name\n        }\n        batch\n        expiry\n        units\n        nearExpiry\n        recalled\n      }\n    }\n  }\n"): (typeof documents)["\n  query StockOnHand($filter: ReportFilter, $nearExpiryDays: Int!) {\n    stock(level: FACILITY, filter: $filter, nearExpiryDays: $nearExpiryDays) {\n      asOf\n      nearExpiryDays\n      rows {\n        key\n        facility {\n          id\n          name\n        }\n        product {\n          nie\n          name\n        }\n        batch\n        expiry\n        units\n        nearExpiry\n        recalled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StockFacilities {\n    me {\n      id\n      facilities {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query StockFacilities {\n    me {\n      id\n      facilities {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trace($code: String!) {\n    trace(code: $code) {\n      pack {\n        id\n        code\n        level\n        status\n        batch\n        expiry\n        recalled\n        childCount\n        serial\n        sscc\n        product {\n          id\n          nie\n          name\n        }\n        custodian {\n          id\n          name\n        }\n        destination {\n          id\n          name\n        }\n      }\n      parent {\n        id\n        code\n        level\n        status\n      }\n      children {\n        id\n        code\n        level\n        status\n      }\n      events {\n        id\n        type\n        at\n        recordedAt\n        source\n        reason\n        parentCode\n        facility {\n          id\n          name\n          type\n          regency\n          province\n          latitude\n          longitude\n        }\n        counterparty {\n          id\n          name\n          type\n          regency\n          province\n        }\n        recordedBy {\n          kind\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Trace($code: String!) {\n    trace(code: $code) {\n      pack {\n        id\n        code\n        level\n        status\n        batch\n        expiry\n        recalled\n        childCount\n        serial\n        sscc\n        product {\n          id\n          nie\n          name\n        }\n        custodian {\n          id\n          name\n        }\n        destination {\n          id\n          name\n        }\n      }\n      parent {\n        id\n        code\n        level\n        status\n      }\n      children {\n        id\n        code\n        level\n        status\n      }\n      events {\n        id\n        type\n        at\n        recordedAt\n        source\n        reason\n        parentCode\n        facility {\n          id\n          name\n          type\n          regency\n          province\n          latitude\n          longitude\n        }\n        counterparty {\n          id\n          name\n          type\n          regency\n          province\n        }\n        recordedBy {\n          kind\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TraceSearch($filter: TraceSearchInput!, $first: Int, $after: String) {\n    traceSearch(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          code\n          level\n          status\n          batch\n          expiry\n          recalled\n          product {\n            id\n            nie\n            name\n          }\n          custodian {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query TraceSearch($filter: TraceSearchInput!, $first: Int, $after: String) {\n    traceSearch(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          code\n          level\n          status\n          batch\n          expiry\n          recalled\n          product {\n            id\n            nie\n            name\n          }\n          custodian {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TraceSearchOptions {\n    facilities {\n      id\n      name\n    }\n    products(first: 200) {\n      id\n      nie\n      name\n    }\n  }\n"): (typeof documents)["\n  query TraceSearchOptions {\n    facilities {\n      id\n      name\n    }\n    products(first: 200) {\n      id\n      nie\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($organizationId: ID) {\n    users(organizationId: $organizationId) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  query Users($organizationId: ID) {\n    users(organizationId: $organizationId) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserOrganizations {\n    organizations {\n      id\n      name\n      type\n    }\n  }\n"): (typeof documents)["\n  query UserOrganizations {\n    organizations {\n      id\n      name\n      type\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: UserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    active\n    disabledAt\n    mustChangePassword\n  }\n"): (typeof documents)["\n  fragment UserRow on User {\n    id\n    name\n    email\n    role\n    active\n    disabledAt\n    mustChangePassword\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($id: ID!) {\n    resetPassword(id: $id) {\n      temporaryPassword\n      expiresAt\n      user {\n        ...UserRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($id: ID!) {\n    resetPassword(id: $id) {\n      temporaryPassword\n      expiresAt\n      user {\n        ...UserRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyCode($code: String!, $latitude: Float, $longitude: Float) {\n    verify(code: $code, latitude: $latitude, longitude: $longitude) {\n      verdict\n      reasons\n      product {\n        name\n        nie\n        brand\n        form\n        strength\n        packaging\n        producer\n        registrant\n      }\n      batch\n      expiry\n      serial\n      status\n      activated\n      sample\n      dispensedAt\n      dispensedRegency\n      checkedAt\n    }\n  }\n"): (typeof documents)["\n  query VerifyCode($code: String!, $latitude: Float, $longitude: Float) {\n    verify(code: $code, latitude: $latitude, longitude: $longitude) {\n      verdict\n      reasons\n      product {\n        name\n        nie\n        brand\n        form\n        strength\n        packaging\n        producer\n        registrant\n      }\n      batch\n      expiry\n      serial\n      status\n      activated\n      sample\n      dispensedAt\n      dispensedRegency\n      checkedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportSuspect($code: String!, $description: String, $latitude: Float, $longitude: Float, $photo: String) {\n    reportSuspect(code: $code, description: $description, latitude: $latitude, longitude: $longitude, photo: $photo) {\n      id\n      hasPhoto\n      alertId\n    }\n  }\n"): (typeof documents)["\n  mutation ReportSuspect($code: String!, $description: String, $latitude: Float, $longitude: Float, $photo: String) {\n    reportSuspect(code: $code, description: $description, latitude: $latitude, longitude: $longitude, photo: $photo) {\n      id\n      hasPhoto\n      alertId\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;