package com.whatsappflux.support;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Orders from the business's systems (contracts.md): upsert by number, CSV import, read one. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<CustomerOrder> upsert(@RequestBody CustomerOrder order) {
        boolean created = orders.upsert(order);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(orders.byNumber(order.number()).orElseThrow());
    }

    /** Body: CSV text (header number,waId,status,expectedDelivery,trackingUrl,sku,itemName,quantity,unitPrice). */
    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    Map<String, Object> importCsv(@RequestBody String csv) {
        return Map.of("imported", orders.importCsv(csv));
    }

    @GetMapping("/{number}")
    ResponseEntity<CustomerOrder> get(@PathVariable String number) {
        return ResponseEntity.of(orders.byNumber(number));
    }
}
