package io.cameliotf.iotf;

import io.cameliotf.iotf.rules.ValueRules;
import org.apache.camel.spi.Metadata;

/**
 * Headers of the {@code iotf:} component. Consumers set them from the message they receive; producers read the
 * overridable ones per message, so one endpoint can relay events of many devices, or between organizations.
 */
public final class IotfConstants {

    @Metadata(description = "The device type: of the device an event or command is from or for; producers of "
            + "applications take it as a per-message override of the deviceType option, and gateways too (the device "
            + "they publish for; neither type nor id set: the gateway itself).", javaType = "String")
    public static final String DEVICE_TYPE = "CamelIotfDeviceType";
    @Metadata(description = "The device id: of the device an event or command is from or for; producers of "
            + "applications and gateways take it as a per-message override of the deviceId option.", javaType = "String")
    public static final String DEVICE_ID = "CamelIotfDeviceId";
    @Metadata(description = "The event id of a device event; producers take it as a per-message override of the "
            + "event option.", javaType = "String")
    public static final String EVENT = "CamelIotfEvent";
    @Metadata(description = "The command id of a command; producers take it as a per-message override of the "
            + "command option.", javaType = "String")
    public static final String COMMAND = "CamelIotfCommand";
    @Metadata(description = "The format string of an event or command (json, text, csv, ...); producers take it "
            + "as a per-message override of the format option.", javaType = "String")
    public static final String FORMAT = "CamelIotfFormat";
    @Metadata(description = "The MQTT topic the message was received on (consumers) or published to (producers). "
            + "Producers never take a topic from this header: they build it from the other headers and options.",
            javaType = "String")
    public static final String TOPIC = "CamelIotfTopic";
    @Metadata(description = "The MQTT quality of service (0, 1 or 2) the message was received with; producers take "
            + "it as a per-message override of the qos option.", javaType = "Integer")
    public static final String QOS = "CamelIotfQos";
    @Metadata(label = "consumer", description = "When the consumer received the message, in milliseconds since the "
            + "epoch. The payload's own ts, if any, is in the IotfMessage.", javaType = "Long")
    public static final String TIMESTAMP = "CamelIotfTimestamp";
    @Metadata(label = "consumer", description = "True when the service marked the message as a possible duplicate "
            + "(a redelivery at QoS 1 or 2).", javaType = "Boolean")
    public static final String DUPLICATE = "CamelIotfDuplicate";
    @Metadata(label = "consumer", description = "The application id an app-status message is about.",
            javaType = "String")
    public static final String APP_ID = "CamelIotfAppId";
    @Metadata(label = "consumer", description = "The organization the message came from.", javaType = "String")
    public static final String ORG = "CamelIotfOrg";
    @Metadata(label = "consumer", description = "What the payload is: IOTF (JSON that meets the IoTF payload "
            + "specification), JSON (custom JSON) or OTHER (not JSON).",
            javaType = "io.cameliotf.iotf.payload.PayloadType", enums = "IOTF,JSON,OTHER")
    public static final String PAYLOAD_TYPE = "CamelIotfPayloadType";
    @Metadata(label = "consumer", description = "The Action of a status message: Connect or Disconnect.",
            javaType = "String")
    public static final String STATUS_ACTION = "CamelIotfStatusAction";
    @Metadata(description = "The MQTT client id of the connection the message was received or sent on.",
            javaType = "String")
    public static final String CLIENT_ID = "CamelIotfClientId";

    @Metadata(description = "A device management action (device/reboot, device/factoryReset, firmware/download, "
            + "firmware/update or bundleId/actionId): the action a managed device's consumer received, or the "
            + "action an application's initiateMgmtRequest starts (a per-message override of the mgmtAction option).",
            javaType = "String")
    public static final String MGMT_ACTION = "CamelIotfMgmtAction";
    @Metadata(description = "iotf:device-management: the rc of a management request. A producer sets it to the "
            + "service's rc (200); a consumer's route may set it to choose the rc it answers (with "
            + "CamelIotfMgmtResponseMessage), instead of the action's default.", javaType = "Integer")
    public static final String MGMT_RESPONSE_CODE = "CamelIotfMgmtResponseCode";
    @Metadata(description = "iotf:device-management: the message of a response: the service's (producers), or the one "
            + "a consumer's route answers with.", javaType = "String")
    public static final String MGMT_RESPONSE_MESSAGE = "CamelIotfMgmtResponseMessage";
    @Metadata(label = "producer", description = "iotf:device-management producers: the operation to send, overriding "
            + "the mgmtOperation option.", javaType = "io.cameliotf.iotf.mgmt.MgmtOperation",
            enums = "manage,unmanage,updateLocation,addLog,clearLogs,addErrorCode,clearErrorCodes")
    public static final String MGMT_OPERATION = "CamelIotfMgmtOperation";

    @Metadata(label = "producer", description = "The registry operation to perform, overriding the operation option "
            + "(one of its values).", javaType = "io.cameliotf.iotf.rest.RegistryOperation")
    public static final String OPERATION = "CamelIotfOperation";
    @Metadata(label = "producer", description = "Registry list operations of API v0002: where the next page starts. "
            + "Set on the answer when more pages exist (absent on the last page); send it back for the next page.",
            javaType = "String")
    public static final String BOOKMARK = "CamelIotfBookmark";
    @Metadata(label = "producer", description = "Registry list operations of API v0002: how many items the whole list "
            + "has (the service's meta.totalRows), set on each page.", javaType = "Integer")
    public static final String TOTAL_ROWS = "CamelIotfTotalRows";
    @Metadata(label = "producer", description = "Registry list operations of API v0002: further query parameters, "
            + "such as filters (deviceInfo.fwVersion=1.0.2), _sort (-deviceId) or connectionStatus=connected.",
            javaType = "java.util.Map<String, String>")
    public static final String QUERY = "CamelIotfQuery";
    @Metadata(label = "producer", description = "deleteApiKey: the API key to delete (a-org-xxxxxxxxxx).",
            javaType = "String")
    public static final String API_KEY = "CamelIotfApiKey";
    @Metadata(label = "producer", description = "addDevices and removeDevices: how many devices of the list failed "
            + "(0 when all succeeded); each IotfBulkResult of the answer says which and why.", javaType = "Integer")
    public static final String BULK_FAILURES = "CamelIotfBulkFailures";
    @Metadata(label = "producer", description = "Device management requests of API v0002: the request id. Set on "
            + "the answer of initiateMgmtRequest (and awaitMgmtRequest); read by getMgmtRequest, "
            + "getMgmtRequestDeviceStatus, cancelMgmtRequest, deleteMgmtRequest and awaitMgmtRequest.",
            javaType = "String")
    public static final String MGMT_REQUEST_ID = "CamelIotfMgmtRequestId";
    @Metadata(label = "producer", description = "initiateMgmtRequest with awaitCompletion, and awaitMgmtRequest: how "
            + "many devices of the request did not succeed (0 when all did); each IotfMgmtDeviceStatus of the answer "
            + "says which and how.", javaType = "Integer")
    public static final String MGMT_FAILURES = "CamelIotfMgmtFailures";
    @Metadata(label = "producer", description = "getDiagLog and deleteDiagLog: the id of the device's diagnostic log "
            + "entry (IotfDiagLog.getId()).", javaType = "String")
    public static final String DIAG_LOG_ID = "CamelIotfDiagLogId";
    @Metadata(label = "producer", description = "Historian queries: only events received at or after this time "
            + "(Instant, Date, epoch milliseconds or ISO 8601 text), overriding the start option.", javaType = "Object")
    public static final String HISTORIAN_START = "CamelIotfHistorianStart";
    @Metadata(label = "producer", description = "Historian queries: only events received at or before this time, "
            + "overriding the end option.", javaType = "Object")
    public static final String HISTORIAN_END = "CamelIotfHistorianEnd";
    @Metadata(label = "producer", description = "Historian queries: events per page (1-100), overriding the top option.",
            javaType = "Integer")
    public static final String HISTORIAN_TOP = "CamelIotfHistorianTop";
    @Metadata(label = "producer", description = "Historian queries: the fields to aggregate, as field1,field2, "
            + "overriding the summarize option.", javaType = "String")
    public static final String HISTORIAN_SUMMARIZE = "CamelIotfHistorianSummarize";
    @Metadata(label = "producer", description = "Historian queries: the aggregation, overriding the summarizeType "
            + "option.", javaType = "String", enums = ValueRules.SUMMARIZE_TYPE_NAMES)
    public static final String HISTORIAN_SUMMARIZE_TYPE = "CamelIotfHistorianSummarizeType";
    @Metadata(label = "producer", description = "Historian queries: where the next page starts. Set on the answer when "
            + "more pages exist (absent on the last page); send it back, with CamelIotfHistorianSession, for the next "
            + "page.", javaType = "String")
    public static final String HISTORIAN_CURSOR = "CamelIotfHistorianCursor";
    @Metadata(label = "producer", description = "Historian queries: the service's paging session (its "
            + "iotHistorianSessionId cookie), set and read together with CamelIotfHistorianCursor.", javaType = "String")
    public static final String HISTORIAN_SESSION = "CamelIotfHistorianSession";

    private IotfConstants() {
    }
}
