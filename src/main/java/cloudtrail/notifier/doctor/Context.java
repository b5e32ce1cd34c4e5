package cloudtrail.notifier.doctor;

import cloudtrail.notifier.config.Language;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;

/** What every check may use: the options, the clients, and the stack, read once for all of them. */
final class Context {
    private final DoctorOptions options;
    private final Language language;
    private final AwsClients aws;
    private Stack stack;
    private StackUnavailable stackFailure;

    Context(DoctorOptions options, Language language, AwsClients aws) {
        this.options = options;
        this.language = language;
        this.aws = aws;
    }

    DoctorOptions options() {
        return options;
    }

    AwsClients aws() {
        return aws;
    }

    Region home() {
        return aws.home();
    }

    Path template() {
        return options.template();
    }

    String text(Text text, Object... args) {
        return text.format(language, args);
    }

    String join(List<String> items) {
        return String.join(text(Text.LIST_SEPARATOR), items);
    }

    /** The stack; throws StackUnavailable, the same each time, when it cannot be read. */
    synchronized Stack stack() {
        if (stack == null && stackFailure == null) {
            try {
                stack = read(aws.cloudFormation(home()), options.stack());
            } catch (SdkException e) {
                stackFailure = Reasons.stackDoesNotExist(e)
                        ? new StackUnavailable(text(Text.STACK_NOT_FOUND, options.stack(), home().id()), text(Text.STACK_NOT_FOUND_ADVICE))
                        : new StackUnavailable(text(Text.STACK_UNREADABLE, options.stack(), Reasons.of(e)),
                                text(Text.NOT_CHECKED_ADVICE, "cloudformation:DescribeStacks, cloudformation:ListStackResources"));
            }
        }
        if (stackFailure != null) {
            throw stackFailure;
        }
        return stack;
    }

    /** An output of the stack; a stack without it was not deployed from this project's template. */
    String output(String key) {
        String value = stack().outputs().get(key);
        if (value == null || value.isBlank()) {
            throw new StackUnavailable(text(Text.NO_OUTPUT, options.stack(), key), text(Text.NO_OUTPUT_ADVICE));
        }
        return value;
    }

    private static Stack read(CloudFormationClient cfn, String name) {
        var described = cfn.describeStacks(b -> b.stackName(name)).stacks().get(0);
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Output o : described.outputs()) {
            outputs.put(o.outputKey(), o.outputValue());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Parameter p : described.parameters()) {
            parameters.put(p.parameterKey(), p.parameterValue());
        }
        List<Stack.Resource> resources = cfn.listStackResourcesPaginator(b -> b.stackName(name)).stackResourceSummaries().stream()
                .map(r -> new Stack.Resource(r.logicalResourceId(), r.physicalResourceId(), r.resourceType()))
                .toList();
        return new Stack(described.stackName(), described.stackStatusAsString(), outputs, parameters, resources);
    }
}
