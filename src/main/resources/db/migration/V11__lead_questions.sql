-- Default qualification questions for an Indian retail/services business (editable via PUT /api/lead/questions).
INSERT INTO lead_question (question_key, sort_order, kind, answer_type, question_text, text_key, options) VALUES
('need', 1, 'product_list', 'need', 'What are you looking for?', 'lead.q.need', NULL);
INSERT INTO lead_question (question_key, sort_order, kind, answer_type, question_text, text_key, options) VALUES
('budget', 2, 'buttons', 'budget', 'What is your budget (or quantity)? Tap one or type it, e.g. "2 lakh".', 'lead.q.budget',
 '[{"id":"LEAD_BUDGET_UNDER_10K","title":"Under ₹10k","titleKey":"lead.q.budget.under10k","value":"under_10k"},{"id":"LEAD_BUDGET_10K_50K","title":"₹10k–50k","titleKey":"lead.q.budget.10k50k","value":"10k_50k"},{"id":"LEAD_BUDGET_ABOVE_50K","title":"Above ₹50k","titleKey":"lead.q.budget.above50k","value":"above_50k"}]');
INSERT INTO lead_question (question_key, sort_order, kind, answer_type, question_text, text_key, options) VALUES
('timeline', 3, 'buttons', 'timeline', 'When do you need it?', 'lead.q.timeline',
 '[{"id":"LEAD_TIMELINE_TODAY","title":"Today","titleKey":"lead.q.timeline.today","value":"today"},{"id":"LEAD_TIMELINE_THIS_WEEK","title":"This week","titleKey":"lead.q.timeline.thisWeek","value":"this_week"},{"id":"LEAD_TIMELINE_LATER","title":"Later","titleKey":"lead.q.timeline.later","value":"later"}]');
INSERT INTO lead_question (question_key, sort_order, kind, answer_type, question_text, text_key, options) VALUES
('location', 4, 'text', 'location', 'Which city or pincode should we deliver/come to?', 'lead.q.location', NULL);
