package se.outband.messaging;

public enum Channel {
    SMS, EMAIL
}
