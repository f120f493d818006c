package com.whatsappflux.support;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Puts the customer's orders and why a person is needed on the "Resolve support case" task (task-local, for the form). */
@Component
public class AttachSupportCaseListener implements TaskListener {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final OrderService orders;

    public AttachSupportCaseListener(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void notify(DelegateTask task) {
        Object waId = task.getVariable(SupportProcess.WA_ID);
        String list = waId == null ? "" : orders.forCustomer(waId.toString()).stream().limit(10)
                .map(o -> "#" + o.number() + " · " + o.status()
                        + (o.expectedDelivery() == null ? "" : " · expected " + o.expectedDelivery().format(DATE))
                        + (o.items().isEmpty() ? "" : " · " + o.items().stream().map(i -> i.quantity() + "× " + i.name())
                        .collect(Collectors.joining(", "))))
                .collect(Collectors.joining("\n"));
        task.setVariableLocal("customerOrders", list.isEmpty() ? "No orders on record" : list);
        task.setVariableLocal("handoverReason", reason(task));
    }

    static String reason(DelegateTask task) {
        if (Boolean.TRUE.equals(task.getVariable(SupportProcess.WANTS_PERSON))
                || SupportProcess.BUTTON_PERSON.equals(task.getVariable(SupportProcess.REPLY_ID))) {
            return "Customer asked for a person";
        }
        if (Boolean.TRUE.equals(task.getVariable(SupportProcess.NEGATIVE_SENTIMENT))) {
            return "Customer sounds upset";
        }
        Object topic = task.getVariable(SupportProcess.TOPIC);
        if ("complaint".equals(topic) || "refund".equals(topic)) {
            return "Topic needs staff: " + topic;
        }
        if (OrderLookup.NOT_FOUND.equals(task.getVariable(SupportProcess.ORDER_LOOKUP))) {
            return "Order not found for this customer";
        }
        Object tries = task.getVariable(SupportProcess.UNANSWERED_TRIES);
        if (tries instanceof Number n && n.intValue() >= 2) {
            return "Automatic answers did not solve it";
        }
        return "No confident automatic answer";
    }
}
