package cloudtrail.notifier.publish;

import java.io.StringReader;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

/**
 * Loads, on a thread of its own, the parts of the JDK an SNS call needs but the SDK only reaches
 * late and one after another: the SigV4 digests and the StAX parser for SNS's XML responses.
 * Nothing here touches the network.
 */
final class JdkWarmup {
    private JdkWarmup() {}

    static void start() {
        Thread thread = new Thread(JdkWarmup::run, "jdk-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    static void run() {
        try {
            MessageDigest.getInstance("SHA-256").digest(new byte[1]);
            Mac.getInstance("HmacSHA256");
            XMLStreamReader xml = XMLInputFactory.newInstance().createXMLStreamReader(new StringReader("<a>b</a>"));
            while (xml.hasNext()) {
                xml.next();
            }
            xml.close();
        } catch (Exception | LinkageError e) {
            // only a head start: whatever fails here fails again, with a proper error, where it is needed
        }
    }
}
