package se.outband.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.inject.Singleton;

/**
 * This process among the instances sharing one database: who holds a delivery's lease or ran a shared
 * job. The host name says which machine to look at; the random part tells two starts apart, so a
 * restarted instance never takes its dead predecessor's leases for its own.
 */
@Singleton
public class InstanceName {

    private final String name;

    InstanceName() {
        byte[] start = new byte[3];
        new SecureRandom().nextBytes(start);
        name = Text.clip(host(), 50) + "/" + HexFormat.of().formatHex(start);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "outband";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
