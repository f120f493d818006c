package com.whatsappflux.whatsapp;

import java.util.Locale;

/** Every inbound message type of the Cloud API reference, plus UNKNOWN for types Meta adds later. */
public enum InboundType {
    TEXT, BUTTON_REPLY, LIST_REPLY, FLOW_REPLY, TEMPLATE_BUTTON, IMAGE, VIDEO, AUDIO, DOCUMENT, STICKER,
    LOCATION, CONTACTS, REACTION, ORDER, SYSTEM, REQUEST_WELCOME, UNSUPPORTED, UNKNOWN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InboundType fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** A tap on something we sent: it belongs to the conversation that sent it. */
    public boolean isReplyToUs() {
        return this == BUTTON_REPLY || this == LIST_REPLY || this == FLOW_REPLY || this == TEMPLATE_BUTTON;
    }

    /** A file the customer sent (photo, video, voice note, document, sticker): Meta holds it, we hold its media id. */
    public boolean isMedia() {
        return this == IMAGE || this == VIDEO || this == AUDIO || this == DOCUMENT || this == STICKER;
    }

    /** Types a workflow cannot understand on its own: they go to a person. */
    public boolean needsHuman() {
        return this == UNSUPPORTED || this == UNKNOWN;
    }
}
