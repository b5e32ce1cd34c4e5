package cloudtrail.notifier.doctor;

/** What each line of the report is about, in the order they are printed. */
public enum Topic {
    IDENTITY(Text.TOPIC_IDENTITY),
    TRAIL(Text.TOPIC_TRAIL),
    SUBSCRIPTION(Text.TOPIC_SUBSCRIPTION),
    ALIAS(Text.TOPIC_ALIAS),
    RULES(Text.TOPIC_RULES),
    DEAD_LETTERS(Text.TOPIC_DEAD_LETTERS),
    FORWARDER(Text.TOPIC_FORWARDER);

    private final Text title;

    Topic(Text title) {
        this.title = title;
    }

    Text title() {
        return title;
    }
}
