package com.whatsappflux.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.whatsappflux.crm.ContactService;
import com.whatsappflux.intent.Entities;
import com.whatsappflux.intent.IntentClassifier;
import com.whatsappflux.system.BusinessClock;

/** The lead in the built-in CRM: every change is written here and emitted as a CRM event. */
@Service
public class LeadService {

    /** What a lead starts from (the intake's or the broadcast's variables). */
    public record LeadStart(String waId, String name, String source, Long campaignId, String adHeadline, String message,
                            String language, String processInstanceId) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Leads leads;
    private final QualificationQuestions questions;
    private final SalesOwners owners;
    private final CrmEvents events;
    private final ContactService contacts;
    private final IntentClassifier classifier;
    private final BusinessClock clock;

    public LeadService(Leads leads, QualificationQuestions questions, SalesOwners owners, CrmEvents events,
                       ContactService contacts, IntentClassifier classifier, BusinessClock clock) {
        this.leads = leads;
        this.questions = questions;
        this.owners = owners;
        this.events = events;
        this.contacts = contacts;
        this.classifier = classifier;
        this.clock = clock;
    }

    /** Creates the lead, or updates the customer's open one (a repeat enquiry is not a second lead). */
    public Lead record(LeadStart start) {
        Optional<Lead> open = leads.openFor(start.waId());
        if (open.isPresent()) {
            Lead lead = open.get();
            leads.update(lead.id(), "last_message = ?, message_count = message_count + 1, language = ?, process_instance_id = ?",
                    clock.now(), start.message(), start.language(), start.processInstanceId());
            upgradeSource(lead, start);
            return emit(CrmEvents.UPDATED, lead.id());
        }
        String name = start.name() != null ? start.name()
                : contacts.find(start.waId()).map(c -> c.name()).orElse(null);
        long id = leads.insert(start.waId(), name, start.source(), start.campaignId(), start.adHeadline(), start.message(),
                start.language(), start.processInstanceId(), clock.now());
        return emit(CrmEvents.CREATED, id);
    }

    /** The same customer wrote again while the lead is open: the lead takes the new message. */
    public Lead customerWroteAgain(long leadId, LeadStart again) {
        Lead lead = leads.require(leadId);
        leads.update(leadId, "last_message = ?, message_count = message_count + 1", clock.now(), again.message());
        upgradeSource(lead, again);
        return emit(CrmEvents.UPDATED, leadId);
    }

    /** A known customer: marked as customer in the CRM, or won before. */
    public boolean existingCustomer(String waId) {
        boolean customer = contacts.find(waId).map(c -> c.customer()).orElse(false);
        return customer || leads.historyOf(waId, -1).stream().anyMatch(l -> Lead.WON.equals(l.stage()));
    }

    public Optional<QualificationQuestion> nextQuestion(long leadId) {
        return questions.nextFor(leads.answers(leadId));
    }

    public AnswerReader.Reading recordAnswer(long leadId, String questionKey, String text, String replyId) {
        QualificationQuestion question = questions.find(questionKey)
                .orElseThrow(() -> new IllegalStateException("question '" + questionKey + "' is no longer configured"));
        Entities entities = text == null || text.isBlank() ? Entities.NONE
                : classifier.classify(text, clock.nowInZone()).entities();
        AnswerReader.Reading reading = AnswerReader.read(question, text, replyId, entities, clock.nowInZone().toLocalDate());
        if (reading.isQuestion()) {
            return reading;
        }
        leads.saveAnswer(leadId, questionKey, reading.text(), reading.value(), clock.now());
        if (replyId == null && AnswerReader.looksLikeQuestion(text)) {
            appendQuestion(leadId, text); // "TV chahiye, installation free hai?": an answer and a question for sales
        }
        emit(CrmEvents.UPDATED, leadId);
        return reading;
    }

    /** A question the customer asked mid-way: kept on the lead for the sales team. */
    public void noteQuestion(long leadId, String text) {
        appendQuestion(leadId, text);
        emit(CrmEvents.UPDATED, leadId);
    }

    /** The parsed value of each answer type (budget → band, timeline → today/this_week/later, location → pincode/city). */
    public Map<String, String> valuesByAnswerType(long leadId) {
        Map<String, String> byKey = leads.answerValues(leadId);
        return questions.all().stream().filter(q -> byKey.get(q.key()) != null)
                .collect(Collectors.toMap(QualificationQuestion::answerType, q -> byKey.get(q.key()), (a, b) -> a));
    }

    public void saveScore(long leadId, String score) {
        leads.update(leadId, "stage = ?, score = ?", clock.now(), Lead.QUALIFIED, score);
        emit(CrmEvents.STAGE_CHANGED, leadId);
    }

    public Optional<String> assignOwner(long leadId) {
        Optional<String> owner = owners.assignNext(valuesByAnswerType(leadId).get("location"));
        owner.ifPresent(username -> {
            leads.update(leadId, "owner_user = ?", clock.now(), username);
            emit(CrmEvents.UPDATED, leadId);
        });
        return owner;
    }

    public void markUnresponsive(long leadId) {
        Lead lead = leads.require(leadId);
        leads.update(leadId, "stage = ?, closed_at = ?", clock.now(), Lead.UNRESPONSIVE, java.sql.Timestamp.from(clock.now()));
        contacts.addTag(lead.waId(), LeadProcess.NURTURE_TAG);
        emit(CrmEvents.STAGE_CHANGED, leadId);
    }

    public void closeForNurture(long leadId) {
        Lead lead = leads.require(leadId);
        leads.update(leadId, "closed_at = ?", clock.now(), java.sql.Timestamp.from(clock.now()));
        contacts.addTag(lead.waId(), LeadProcess.NURTURE_TAG);
        emit(CrmEvents.UPDATED, leadId);
    }

    /** won / lost / follow_up from the Tasklist form. */
    public void recordOutcome(long leadId, String outcome, BigDecimal value, LocalDate followUpOn, String notes, String owner) {
        Lead lead = leads.require(leadId);
        String stage = switch (outcome == null ? "" : outcome) {
            case "won" -> Lead.WON;
            case "lost" -> Lead.LOST;
            case "follow_up" -> Lead.FOLLOW_UP;
            default -> throw new IllegalArgumentException("unknown outcome '" + outcome + "'");
        };
        boolean closes = !Lead.FOLLOW_UP.equals(stage);
        leads.update(leadId, "stage = ?, deal_value = ?, follow_up_on = ?, outcome_notes = ?, owner_user = ?, closed_at = ?",
                clock.now(), stage, value, followUpOn == null ? null : java.sql.Date.valueOf(followUpOn), notes,
                owner != null ? owner : lead.owner(), closes ? java.sql.Timestamp.from(clock.now()) : null);
        if (Lead.WON.equals(stage)) {
            contacts.markCustomer(lead.waId());
        }
        emit(CrmEvents.STAGE_CHANGED, leadId);
    }

    public Lead require(long leadId) {
        return leads.require(leadId);
    }

    public Optional<Lead> latestFor(String waId) {
        return leads.latestFor(waId);
    }

    public boolean hasOpenLead(String waId) {
        return leads.openFor(waId).isPresent();
    }

    /** One line for the sales owner's WhatsApp: who, what, budget, when, where. */
    public String summaryLine(long leadId) {
        Lead lead = leads.require(leadId);
        Map<String, String> answers = leads.answers(leadId);
        String name = lead.customerName() != null ? lead.customerName() : "+" + lead.waId();
        String facts = answers.values().stream().filter(a -> a != null && !a.isBlank()).collect(Collectors.joining(", "));
        return name + " (+" + lead.waId() + "), " + lead.score() + ": " + (facts.isEmpty() ? lead.firstMessage() : facts);
    }

    public String summaryText(long leadId) {
        Lead lead = leads.require(leadId);
        StringBuilder s = new StringBuilder();
        s.append("Source: ").append(lead.source());
        if (lead.campaignId() != null) {
            s.append(" (campaign ").append(lead.campaignId()).append(')');
        }
        if (lead.adHeadline() != null) {
            s.append(" (ad: ").append(lead.adHeadline()).append(')');
        }
        s.append("\nScore: ").append(lead.score()).append(" · stage ").append(lead.stage());
        s.append("\nFirst message: ").append(lead.firstMessage());
        if (lead.messageCount() > 1) {
            s.append("\nLatest message: ").append(lead.lastMessage()).append(" (").append(lead.messageCount()).append(" messages)");
        }
        if (lead.customerQuestions() != null) {
            s.append("\nCustomer asked: ").append(lead.customerQuestions());
        }
        return s.toString();
    }

    public String answersText(long leadId) {
        Map<String, String> answers = leads.answers(leadId);
        return questions.all().stream().filter(q -> answers.containsKey(q.key()))
                .map(q -> q.text() + " → " + answers.get(q.key())).collect(Collectors.joining("\n"));
    }

    /** Earlier leads of this customer, newest first; "First enquiry" when none. */
    public String historyText(long leadId) {
        Lead lead = leads.require(leadId);
        List<Lead> earlier = leads.historyOf(lead.waId(), leadId);
        boolean customer = contacts.find(lead.waId()).map(c -> c.customer()).orElse(false);
        String head = customer ? "Existing customer." : "Not a customer yet.";
        if (earlier.isEmpty()) {
            return head + " First enquiry.";
        }
        return head + "\n" + earlier.stream().map(l -> DAY.format(l.createdAt().atZone(clock.zone())) + ": " + l.stage()
                        + (l.score() == null ? "" : " (" + l.score() + ")")
                        + (l.dealValue() == null ? "" : " ₹" + l.dealValue().toPlainString())
                        + (l.firstMessage() == null ? "" : " \"" + l.firstMessage() + "\""))
                .collect(Collectors.joining("\n"));
    }

    private void upgradeSource(Lead lead, LeadStart start) {
        // a campaign or ad reply tells more about where the lead came from than "organic"
        if (start.source() != null && !"organic".equals(start.source()) && !start.source().equals(lead.source())) {
            leads.update(lead.id(), "source = ?, campaign_id = ?, ad_headline = ?", clock.now(), start.source(),
                    start.campaignId(), start.adHeadline());
        }
    }

    private void appendQuestion(long leadId, String text) {
        Lead lead = leads.require(leadId);
        String all = lead.customerQuestions() == null ? text : lead.customerQuestions() + "\n" + text;
        leads.update(leadId, "customer_questions = ?", clock.now(), all);
    }

    private Lead emit(String type, long leadId) {
        Lead lead = leads.require(leadId);
        events.emit(type, lead, leads.answers(leadId));
        return lead;
    }
}
