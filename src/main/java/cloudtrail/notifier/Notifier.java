package cloudtrail.notifier;

import cloudtrail.notifier.config.NotifierConfig;
import cloudtrail.notifier.event.EventParser;
import cloudtrail.notifier.event.NotifierEvent;
import cloudtrail.notifier.render.Notification;
import cloudtrail.notifier.render.NotificationRenderer;
import cloudtrail.notifier.render.Rendered;

/** From event JSON to the notification: the one path both the Lambda handler and the command line take. */
public final class Notifier {
    private final EventParser parser;
    private final NotificationRenderer renderer;

    public Notifier(NotifierConfig config) {
        this(config, config::accountNames);
    }

    /** @param accountNames the names in force when each event is rendered (they may be read again while running) */
    public Notifier(NotifierConfig config, java.util.function.Supplier<cloudtrail.notifier.config.AccountNames> accountNames) {
        this(config, accountNames, cloudtrail.notifier.directory.Directory.NONE);
    }

    /** @param directory names looked up while running (Organizations, the identity store) */
    public Notifier(NotifierConfig config, java.util.function.Supplier<cloudtrail.notifier.config.AccountNames> accountNames,
            cloudtrail.notifier.directory.Directory directory) {
        this(new EventParser(), new NotificationRenderer(config.timeZone(), config.language(), accountNames, directory, config.portal()));
    }

    public Notifier(EventParser parser, NotificationRenderer renderer) {
        this.parser = parser;
        this.renderer = renderer;
    }

    public EventParser parser() {
        return parser;
    }

    /** @throws cloudtrail.notifier.event.InvalidEventException when the bytes are not a JSON object */
    public Notification render(byte[] json) {
        return render(parser.parse(json));
    }

    public Notification render(NotifierEvent event) {
        return renderer.render(event);
    }

    /** The notification and the event's line in a digest. */
    public Rendered renderWithGist(NotifierEvent event) {
        return renderer.renderWithGist(event);
    }

    public NotificationRenderer renderer() {
        return renderer;
    }
}
