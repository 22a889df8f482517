-- R40/R45: the ops API's reads: the billing report by status time, outbound failures by the time they failed.
create index billing_record_status_at on billing_record (status_at);
create index message_outbound_failed on message (delivery_updated_at) where delivery_state = 'failed';
