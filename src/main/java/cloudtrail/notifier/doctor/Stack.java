package cloudtrail.notifier.doctor;

import java.util.List;
import java.util.Map;

/** What the checks need to know of a deployed stack: its outputs, its parameters and its resources. */
record Stack(String name, String status, Map<String, String> outputs, Map<String, String> parameters, List<Resource> resources) {

    /** One resource of the stack: its logical ID in the template, and its name or ID in the service. */
    record Resource(String logicalId, String physicalId, String type) {}

    List<Resource> resourcesOfType(String type) {
        return resources.stream().filter(r -> type.equals(r.type())).toList();
    }
}
