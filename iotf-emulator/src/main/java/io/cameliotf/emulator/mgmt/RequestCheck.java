package io.cameliotf.emulator.mgmt;

import io.cameliotf.emulator.registry.DeviceRef;
import io.cameliotf.emulator.registry.DeviceRegistry;
import io.cameliotf.emulator.store.ManagedDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a device management request can be initiated (later contract 2.14): 1 to 5,000 devices, a firmware
 * download's uri, a firmware update's one type, every device registered (404), managed (403) and supporting the
 * action (403). Each refusal names the devices.
 */
final class RequestCheck {

    private final Management management;
    private final DeviceRegistry registry;

    RequestCheck(Management management, DeviceRegistry registry) {
        this.management = management;
        this.registry = registry;
    }

    /** The management state of the request's devices, in its order. */
    List<ManagedDevice> devices(String org, NewRequest r) {
        if (r.devices().isEmpty() || r.devices().size() > RequestEngine.MAX_DEVICES) {
            throw new RequestRefusedException(400, "'devices' names " + r.devices().size() + " devices: a request is "
                    + "for 1 to " + RequestEngine.MAX_DEVICES + " devices (later contract 2.14)");
        }
        if (Flows.FIRMWARE_DOWNLOAD.equals(r.action()) && (r.parameters().get("uri") == null
                || r.parameters().get("uri").isEmpty())) {
            throw new RequestRefusedException(400, "firmware/download needs the parameter 'uri' (where the device "
                    + "downloads the image from), as {\"name\": \"uri\", \"value\": \"http://...\"} (later contract "
                    + "2.14)", List.of("parameters: 'uri' is required for firmware/download"));
        }
        if (Flows.FIRMWARE_UPDATE.equals(r.action())
                && r.devices().stream().map(DeviceRef::type).distinct().count() > 1) {
            throw new RequestRefusedException(400, "firmware/update is for devices of one type; this request names "
                    + "types " + r.devices().stream().map(DeviceRef::type).distinct().toList() + " (later contract "
                    + "2.14)", List.of("devices: all must be of one type for firmware/update"));
        }
        List<String> missing = new ArrayList<>();
        List<String> unmanaged = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        List<ManagedDevice> managed = new ArrayList<>(r.devices().size());
        String bundle = Flows.bundle(r.action());
        for (DeviceRef d : r.devices()) {
            String name = d.type() + "/" + d.id();
            if (registry.device(org, d.type(), d.id()).isEmpty()) {
                missing.add(name);
                continue;
            }
            Optional<ManagedDevice> m = management.managed(org, d.type(), d.id());
            if (m.isEmpty()) {
                unmanaged.add(name);
            } else if (!supports(m.get(), r.action(), bundle)) {
                unsupported.add(name);
            } else {
                managed.add(m.get());
            }
        }
        if (!missing.isEmpty()) {
            throw new RequestRefusedException(404, "The devices " + some(missing) + " are not registered "
                    + "(later contract 2.14)");
        }
        if (!unmanaged.isEmpty()) {
            throw new RequestRefusedException(403, "The devices " + some(unmanaged) + " are not managed: a device "
                    + "must send iotdevice-1/mgmt/manage before it can be sent actions (later contract 2.14, 3.5.3)");
        }
        if (!unsupported.isEmpty()) {
            String what = bundle != null ? "supports." + bundle
                    : r.action().startsWith("firmware/") ? "supports.firmwareActions" : "supports.deviceActions";
            throw new RequestRefusedException(403, "The devices " + some(unsupported) + " do not support "
                    + r.action() + ": their manage request did not set " + what + " to true (later contract 2.14)");
        }
        return managed;
    }

    private static boolean supports(ManagedDevice m, String action, String bundle) {
        if (bundle != null) {
            return m.bundles().contains(bundle);
        }
        return action.startsWith("firmware/") ? m.firmwareActions() : m.deviceActions();
    }

    /** At most ten names, and how many more. */
    static String some(List<String> names) {
        return names.size() <= 10 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 10)) + " and " + (names.size() - 10) + " more";
    }
}
