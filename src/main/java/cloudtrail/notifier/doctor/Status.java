package cloudtrail.notifier.doctor;

/** What a check found. UNCHECKED is never a pass: a check that could not look has not shown anything works. */
public enum Status {
    OK(Text.STATUS_OK),
    PROBLEM(Text.STATUS_PROBLEM),
    UNCHECKED(Text.STATUS_UNCHECKED);

    private final Text label;

    Status(Text label) {
        this.label = label;
    }

    Text label() {
        return label;
    }
}
