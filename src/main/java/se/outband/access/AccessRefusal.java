package se.outband.access;

import java.time.Duration;

import se.outband.common.Language;
import se.outband.common.Refusal;

/** Why a change to users, tokens or a second factor is not made. */
public sealed interface AccessRefusal extends Refusal {

    String sentence(AccessMessages messages);

    @Override
    default String sentence(Language language) {
        return sentence(language.messages(AccessMessages.class));
    }

    record BodyMissing() implements AccessRefusal {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.bodyMissing();
        }
    }

    record UsernameInvalid() implements AccessRefusal {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.usernameInvalid();
        }
    }

    record UserExists(String username) implements AccessRefusal, Refusal.Conflict {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.userExists(username);
        }
    }

    record UserNotFound(String username) implements AccessRefusal, Refusal.NotFound {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.userNotFound(username);
        }
    }

    record PasswordTooShort(int min) implements AccessRefusal {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.passwordTooShort(min);
        }
    }

    record PasswordTooLong(int max) implements AccessRefusal {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.passwordTooLong(max);
        }
    }

    record RolesMissing() implements AccessRefusal {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.rolesMissing();
        }
    }

    record RoleUnknown(String role) implements AccessRefusal {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.roleUnknown(role);
        }
    }

    record MobileInvalid(String value) implements AccessRefusal {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.mobileInvalid(value);
        }
    }

    /** Another user's mobile: SMS commands are told apart by the number they come from. */
    record MobileTaken(String number) implements AccessRefusal, Refusal.Conflict {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.mobileTaken(number);
        }
    }

    /** Without an admin nobody could manage users again. */
    record LastAdmin() implements AccessRefusal, Refusal.Conflict {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.lastAdmin();
        }
    }

    record TokenNameMissing() implements AccessRefusal {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.tokenNameMissing();
        }
    }

    record TokenNotFound(long id) implements AccessRefusal, Refusal.NotFound {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.tokenNotFound(id);
        }
    }

    /** Neither the password nor the current app's code: a change to the second factor needs one of them. */
    record ProofWrong() implements AccessRefusal {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.proofWrong();
        }
    }

    /** Too many wrong passwords or codes from this address: nothing was checked. */
    record HeldBack(Duration retryAfter) implements AccessRefusal {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.heldBack(SignInThrottle.minutes(retryAfter));
        }

        @Override
        public Kind kind() {
            return Kind.TOO_MANY;
        }
    }

    /** A second-factor code that does not match the app's. */
    record CodeWrong() implements AccessRefusal {
        @Override
        public String sentence(AccessMessages messages) {
            return messages.codeWrong();
        }
    }
}
