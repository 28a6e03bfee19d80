package se.outband.messaging.inbound;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.logging.Logger;

import com.twilio.security.RequestValidator;

import se.outband.common.OutbandConfig;
import se.outband.common.Refused;
import se.outband.messaging.providers.sms.SmsConfig;

/**
 * Twilio's signature on a call to one of Outband's webhooks: HMAC over {@code outband.public-url} +
 * path and the parameters. A call without a valid one gets 403 and changes nothing.
 */
@ApplicationScoped
public class TwilioRequests {

    private static final Logger LOG = Logger.getLogger(TwilioRequests.class);

    private final RequestValidator validator;
    private final OutbandConfig outband;

    TwilioRequests(SmsConfig config, OutbandConfig outband) {
        this.validator = config.twilio().authToken().map(RequestValidator::new).orElse(null);
        this.outband = outband;
    }

    public void verify(String path, MultivaluedMap<String, String> form, String signature) {
        Map<String, String> params = new HashMap<>();
        form.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        if (validator == null || signature == null || !validator.validate(outband.link(path), params, signature)) {
            LOG.warnf("Rejected a call to %s without a valid Twilio signature", path);
            throw new Refused(new InboundRefusal.BadSignature("Twilio"));
        }
    }
}
